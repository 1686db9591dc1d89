#include "CertificatePanel.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace twinbox {

namespace {

// "ab:cd:..." in groups, as certificate viewers show digests, so that it can be read aloud
// and compared with what the provider publishes.
QString readableDigest(const QString &pin)
{
    const QString hex = pin.section(u'$', 1);
    QStringList pairs;
    for (qsizetype i = 0; i < hex.size(); i += 2)
        pairs.append(hex.mid(i, 2).toUpper());
    return pairs.join(u':');
}

QLabel *selectableLabel(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setAccessibleName(accessibleName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

CertificatePanel::CertificatePanel(QWidget *parent)
    : QWidget(parent)
    , m_problems(selectableLabel(QStringLiteral("certificateProblems"),
                                 tr("Why the certificate is not trusted"), this))
    , m_fingerprint(selectableLabel(QStringLiteral("certificateFingerprint"),
                                    tr("SHA-256 fingerprint of the server's key"), this))
    , m_subject(selectableLabel(QStringLiteral("certificateSubject"), tr("Issued to"), this))
    , m_issuer(selectableLabel(QStringLiteral("certificateIssuer"), tr("Issued by"), this))
    , m_validity(selectableLabel(QStringLiteral("certificateValidity"), tr("Valid"), this))
    , m_trust(new QPushButton(tr("T&rust this certificate"), this))
{
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_trust->setAccessibleName(tr("Trust this certificate"));
    m_trust->setToolTip(tr("Connect to this server from now on as long as it shows this key, "
                           "even though no certificate authority vouches for it."));
    auto *layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow(m_problems);
    layout->addRow(tr("Key fingerprint (SHA-256):"), m_fingerprint);
    layout->addRow(tr("Issued to:"), m_subject);
    layout->addRow(tr("Issued by:"), m_issuer);
    layout->addRow(tr("Valid:"), m_validity);
    layout->addRow(m_trust);
    connect(m_trust, &QPushButton::clicked, this, [this] { emit trusted(m_pin); });
}

void CertificatePanel::setCertificate(const sync::CertificateInfo &certificate)
{
    m_pin = certificate.pin;
    m_problems->setText(
        tr("%1\nTrust it only if the fingerprint below is the one your mail provider or "
           "administrator gives.")
            .arg(certificate.problems.join(u' ')));
    m_fingerprint->setText(readableDigest(certificate.pin));
    m_subject->setText(certificate.subject);
    m_issuer->setText(certificate.issuer);
    const QLocale locale;
    m_validity->setText(tr("from %1 to %2")
                            .arg(locale.toString(certificate.notBefore, QLocale::LongFormat),
                                 locale.toString(certificate.notAfter, QLocale::LongFormat)));
    show();
}

} // namespace twinbox
