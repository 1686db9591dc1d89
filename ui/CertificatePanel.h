#pragma once

#include "sync/ConnectionProbe.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace twinbox {

// An untrusted server certificate as a person must see it before trusting it: the key's
// SHA-256 fingerprint (to compare with what the provider publishes), subject, issuer,
// validity and why it is not trusted, with a "Trust this certificate" button.
class CertificatePanel : public QWidget
{
    Q_OBJECT

public:
    explicit CertificatePanel(QWidget *parent = nullptr);

    void setCertificate(const sync::CertificateInfo &certificate);
    const QString &pin() const { return m_pin; }

signals:
    // The user chose to trust the key shown: pin() is its "sha256$hex".
    void trusted(const QString &pin);

private:
    QLabel *m_problems;
    QLabel *m_fingerprint;
    QLabel *m_subject;
    QLabel *m_issuer;
    QLabel *m_validity;
    QPushButton *m_trust;
    QString m_pin;
};

} // namespace twinbox
