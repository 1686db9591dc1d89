<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppSettings</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Die Einstellungsdatei %1 kann nicht geschrieben werden.</translation>
    </message>
</context>
<context>
    <name>AppendJournal</name>
    <message numerus="yes">
        <source>Resumed an interrupted sync: %n appended message(s) found and mapped, %1 to copy again</source>
        <translation>
            <numerusform>Unterbrochene Synchronisation fortgesetzt: %n angehängte Nachricht gefunden und zugeordnet, %1 erneut zu kopieren</numerusform>
            <numerusform>Unterbrochene Synchronisation fortgesetzt: %n angehängte Nachrichten gefunden und zugeordnet, %1 erneut zu kopieren</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Starting at login is not supported on this system yet.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>%1 kann nicht entfernt werden: %2</translation>
    </message>
</context>
<context>
    <name>CertificatePin</name>
    <message>
        <source>unknown fingerprint algorithm: %1</source>
        <translation>unbekanntes Fingerabdruck-Verfahren: %1</translation>
    </message>
    <message>
        <source>invalid fingerprint: %1</source>
        <translation>ungültiger Fingerabdruck: %1</translation>
    </message>
</context>
<context>
    <name>ChangeSync</name>
    <message>
        <source>expunged on %1 while its flags changed on %2 (%3)</source>
        <translation>auf %1 gelöscht, während sich die Flags auf %2 geändert haben (%3)</translation>
    </message>
    <message>
        <source>Conflicting flag update in %1 for local UID %2 (%3) and remote UID %4 (%5). Setting both to %6 (%7).</source>
        <translation>Widersprüchliche Flag-Änderung in %1 für lokale UID %2 (%3) und entfernte UID %4 (%5). Beide werden auf %6 gesetzt (%7).</translation>
    </message>
    <message>
        <source>the union</source>
        <translation>die Vereinigung</translation>
    </message>
    <message>
        <source>local (%1), remote (%2), both set to (%3)</source>
        <translation>lokal (%1), entfernt (%2), beide gesetzt auf (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n UID(s) %1</source>
        <translation>
            <numerusform>%n UID gelöscht: %1</numerusform>
            <numerusform>%n UIDs gelöscht: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated flags (%1) for UID %2</source>
        <translation>Flags aktualisiert (%1) für UID %2</translation>
    </message>
    <message>
        <source>Couldn&apos;t update flags for UID %1, will try again</source>
        <translation>Flags für UID %1 konnten nicht aktualisiert werden, wird erneut versucht</translation>
    </message>
    <message>
        <source>the three-way merge</source>
        <translation>die Drei-Wege-Zusammenführung</translation>
    </message>
</context>
<context>
    <name>ChangeWriter</name>
    <message>
        <source>UID STORE refused: %1</source>
        <translation>UID STORE abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server does not support UIDPLUS, which Twinbox needs</source>
        <translation>der Server unterstützt UIDPLUS nicht, das Twinbox braucht</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions (QRESYNC, RFC 7162).</source>
        <translation>Hält zwei IMAP-Konten in beide Richtungen identisch (QRESYNC, RFC 7162).</translation>
    </message>
    <message>
        <source>signal %1: finishing the current mailbox, then stopping</source>
        <translation>Signal %1: das aktuelle Postfach wird abgeschlossen, dann wird beendet</translation>
    </message>
    <message>
        <source>Demo: the same sync again, which finds nothing left to do:</source>
        <translation>Demo: dieselbe Synchronisation noch einmal, die nichts mehr zu tun findet:</translation>
    </message>
    <message>
        <source>the demo needs Dovecot&apos;s IMAP server: apt install dovecot-imapd</source>
        <translation>die Demo braucht den IMAP-Server von Dovecot: apt install dovecot-imapd</translation>
    </message>
    <message>
        <source>Demo: two private Dovecot mail stores in %1, seeded with a few messages; syncing them:</source>
        <translation>Demo: zwei private Dovecot-Postfachspeicher in %1 mit ein paar Nachrichten; Synchronisation:</translation>
    </message>
    <message>
        <source>Demo kept; run it again with:</source>
        <translation>Demo behalten; erneut ausführen mit:</translation>
    </message>
    <message>
        <source>no account pair named %1 in %2</source>
        <translation>kein Kontenpaar namens %1 in %2</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>option %1 needs a value</source>
        <translation>Option %1 braucht einen Wert</translation>
    </message>
    <message>
        <source>invalid target %1</source>
        <translation>ungültiges Ziel %1</translation>
    </message>
    <message>
        <source>invalid value for --watch: %1</source>
        <translation>ungültiger Wert für --watch: %1</translation>
    </message>
    <message>
        <source>option %1 takes no value</source>
        <translation>Option %1 nimmt keinen Wert</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>unbekannte Option %1</translation>
    </message>
    <message>
        <source>only one of --repair, --delete and --rename may be given</source>
        <translation>nur eine von --repair, --delete und --rename darf angegeben werden</translation>
    </message>
    <message>
        <source>--delete needs at least one mailbox</source>
        <translation>--delete braucht mindestens ein Postfach</translation>
    </message>
    <message>
        <source>--rename needs exactly two mailboxes: SOURCE DEST</source>
        <translation>--rename braucht genau zwei Postfächer: QUELLE ZIEL</translation>
    </message>
    <message>
        <source>--watch and --notify cannot be combined with --repair, --delete or --rename</source>
        <translation>--watch und --notify lassen sich nicht mit --repair, --delete oder --rename verbinden</translation>
    </message>
    <message>
        <source>--target goes with --delete or --rename only</source>
        <translation>--target gehört nur zu --delete oder --rename</translation>
    </message>
    <message>
        <source>--keep goes with --demo only</source>
        <translation>--keep gibt es nur zusammen mit --demo</translation>
    </message>
    <message>
        <source>Usage: %1 [OPTIONS] [MAILBOX ...]
       %1 [OPTIONS] --repair [MAILBOX ...]
       %1 [OPTIONS] --delete MAILBOX [...]
       %1 [OPTIONS] --rename SOURCE DEST
       %1 --demo [--keep]
Options:
  --config=FILE        configuration file (default: config in the configuration directory)
  --pair=NAME          sync the account pair NAME made in the Twinbox window
  --watch[=SECONDS]    keep running, syncing every SECONDS (default 60)
  --notify             wait for server notifications (NOTIFY) instead of polling
  --target={local,remote,database}
                       limit --delete and --rename to these targets
  --demo               sync two private Dovecot mail stores made for the demo
  --keep               with --demo: keep them and print the configuration path
  -q, --quiet          only warnings and errors
  --debug              log the IMAP traffic; twice: credentials too
  -h, --help           show this help
  --version            show the version</source>
        <translation>Aufruf: %1 [OPTIONEN] [POSTFACH ...]
        %1 [OPTIONEN] --repair [POSTFACH ...]
        %1 [OPTIONEN] --delete POSTFACH [...]
        %1 [OPTIONEN] --rename QUELLE ZIEL
        %1 --demo [--keep]
Optionen:
  --config=DATEI       Konfigurationsdatei (Standard: config im Konfigurationsverzeichnis)
  --pair=NAME          das im Twinbox-Fenster angelegte Kontenpaar NAME synchronisieren
  --watch[=SEKUNDEN]   weiterlaufen und alle SEKUNDEN synchronisieren (Standard 60)
  --notify             auf Benachrichtigungen des Servers (NOTIFY) warten, statt regelmäßig abzufragen
  --target={local,remote,database}
                       --delete und --rename auf diese Ziele beschränken
  --demo               zwei private, für die Demo angelegte Dovecot-Postfachspeicher synchronisieren
  --keep               mit --demo: sie behalten und den Pfad der Konfiguration ausgeben
  -q, --quiet          nur Warnungen und Fehler
  --debug              den IMAP-Verkehr protokollieren; zweimal: auch die Zugangsdaten
  -h, --help           diese Hilfe anzeigen
  --version            die Version anzeigen</translation>
    </message>
    <message>
        <source>--pair and --config cannot be combined</source>
        <translation>--pair und --config lassen sich nicht miteinander verbinden</translation>
    </message>
    <message>
        <source>--demo cannot be combined with other commands, --watch, --notify, --target, --config, --pair or mailboxes</source>
        <translation>--demo lässt sich nicht mit anderen Befehlen, --watch, --notify, --target, --config, --pair oder Postfächern verbinden</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>This server does not support QRESYNC, which two-way sync needs to learn what changed since the last sync.</source>
        <translation>Dieser Server unterstützt QRESYNC nicht, das die Zwei-Wege-Synchronisation braucht, um zu erfahren, was sich seit der letzten Synchronisation geändert hat.</translation>
    </message>
    <message>
        <source>This server does not support ENABLE, which two-way sync needs to turn on QRESYNC.</source>
        <translation>Dieser Server unterstützt ENABLE nicht, das die Zwei-Wege-Synchronisation braucht, um QRESYNC einzuschalten.</translation>
    </message>
    <message>
        <source>This server does not support UIDPLUS, which two-way sync needs to know the numbers of the messages it copies.</source>
        <translation>Dieser Server unterstützt UIDPLUS nicht, das die Zwei-Wege-Synchronisation braucht, um die Nummern der kopierten Nachrichten zu kennen.</translation>
    </message>
    <message>
        <source>This server does not support LIST-EXTENDED, which two-way sync needs to list mailboxes with their state.</source>
        <translation>Dieser Server unterstützt LIST-EXTENDED nicht, das die Zwei-Wege-Synchronisation braucht, um die Postfächer mit ihrem Zustand aufzulisten.</translation>
    </message>
    <message>
        <source>This server does not support LIST-STATUS, which two-way sync needs to see in one step which mailboxes changed.</source>
        <translation>Dieser Server unterstützt LIST-STATUS nicht, das die Zwei-Wege-Synchronisation braucht, um in einem Schritt zu sehen, welche Postfächer sich geändert haben.</translation>
    </message>
    <message>
        <source>This server supports everything two-way sync needs.</source>
        <translation>Dieser Server unterstützt alles, was die Zwei-Wege-Synchronisation braucht.</translation>
    </message>
    <message>
        <source>It announces changes in every mailbox at once (NOTIFY): changes can be synced as soon as they happen.</source>
        <translation>Er meldet Änderungen in allen Postfächern auf einmal (NOTIFY): Änderungen können synchronisiert werden, sobald sie geschehen.</translation>
    </message>
    <message>
        <source>It announces changes one mailbox at a time (IDLE): changes in the watched mailboxes can be synced as soon as they happen.</source>
        <translation>Er meldet Änderungen jeweils nur für ein Postfach (IDLE): Änderungen in den überwachten Postfächern können synchronisiert werden, sobald sie geschehen.</translation>
    </message>
    <message>
        <source>It cannot announce changes (no NOTIFY or IDLE): Twinbox will check it on schedule only.</source>
        <translation>Er kann keine Änderungen melden (weder NOTIFY noch IDLE): Twinbox prüft ihn nur nach Zeitplan.</translation>
    </message>
    <message>
        <source>It cannot take several messages in one upload (no MULTIAPPEND): copying many messages is slower.</source>
        <translation>Er kann nicht mehrere Nachrichten in einem Upload annehmen (kein MULTIAPPEND): das Kopieren vieler Nachrichten ist langsamer.</translation>
    </message>
    <message>
        <source>Each message sent to it costs an extra round trip (no LITERAL+).</source>
        <translation>Jede an ihn gesendete Nachricht kostet einen zusätzlichen Roundtrip (kein LITERAL+).</translation>
    </message>
    <message>
        <source>It can compress the connection (COMPRESS), which saves bandwidth.</source>
        <translation>Er kann die Verbindung komprimieren (COMPRESS), was Bandbreite spart.</translation>
    </message>
    <message>
        <source>It cannot compress the connection (no COMPRESS): syncing uses more bandwidth.</source>
        <translation>Er kann die Verbindung nicht komprimieren (kein COMPRESS): die Synchronisation braucht mehr Bandbreite.</translation>
    </message>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Der Server ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut: %1</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The server refused to log in: check the user name and the password (%1).</source>
        <translation>Der Server hat die Anmeldung abgelehnt: Benutzername und Passwort prüfen (%1).</translation>
    </message>
    <message>
        <source>The server lacks something Twinbox needs: %1</source>
        <translation>Dem Server fehlt etwas, das Twinbox braucht: %1</translation>
    </message>
    <message>
        <source>The server does not answer as an IMAP server should: %1</source>
        <translation>Der Server antwortet nicht so, wie ein IMAP-Server es sollte: %1</translation>
    </message>
    <message>
        <source>The server refused a command: %1</source>
        <translation>Der Server hat einen Befehl abgelehnt: %1</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>Diese Einstellungen können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <source>Its mailboxes could not be listed: %1</source>
        <translation>Seine Postfächer konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>DemoPair</name>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>temporäres Verzeichnis kann nicht angelegt werden: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>DemoStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot create %1/%2</source>
        <translation>%1/%2 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>cannot give the demo&apos;s mail store to nobody:nogroup: %1</source>
        <translation>der Postfachspeicher der Demo kann nicht an nobody:nogroup übergeben werden: %1</translation>
    </message>
    <message>
        <source>cannot start Dovecot: %1</source>
        <translation>Dovecot kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Dovecot did not answer</source>
        <translation>Dovecot hat nicht geantwortet</translation>
    </message>
    <message>
        <source>seeding %1 failed: %2</source>
        <translation>Befüllen von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions, from the tray.</source>
        <translation>Hält zwei IMAP-Konten in beide Richtungen identisch, aus dem Infobereich.</translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window.</source>
        <translation>Im Infobereich starten, ohne das Fenster zu öffnen.</translation>
    </message>
    <message>
        <source>Sync two private Dovecot mail stores made for the demo, in a throw-away profile.</source>
        <translation>Zwei private, für die Demo angelegte Dovecot-Postfachspeicher synchronisieren, in einem Wegwerfprofil.</translation>
    </message>
    <message>
        <source>Twinbox demo</source>
        <translation>Twinbox-Demo</translation>
    </message>
    <message>
        <source>The demo needs Dovecot&apos;s IMAP server: apt install dovecot-imapd</source>
        <translation>Die Demo braucht den IMAP-Server von Dovecot: apt install dovecot-imapd</translation>
    </message>
</context>
<context>
    <name>ImapSession</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation>der Server hat die Verbindung abgelehnt: %1</translation>
    </message>
    <message>
        <source>PREAUTH greeting on a plaintext connection (man in the middle?); set STARTTLS = NO to accept it</source>
        <translation>PREAUTH-Begrüßung auf einer unverschlüsselten Verbindung (Man-in-the-Middle?); STARTTLS = NO setzen, um sie zu akzeptieren</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; refusing to continue in plaintext</source>
        <translation>der Server bietet kein STARTTLS an; unverschlüsselt wird nicht fortgefahren</translation>
    </message>
    <message>
        <source>STARTTLS refused: %1</source>
        <translation>STARTTLS abgelehnt: %1</translation>
    </message>
    <message>
        <source>missing IMAP4rev1 capability: not an IMAP4 server?</source>
        <translation>Fähigkeit IMAP4rev1 fehlt: kein IMAP4-Server?</translation>
    </message>
    <message>
        <source>refusing to send credentials over an unencrypted connection to %1 (use imaps or STARTTLS, or set plaintext-auth = YES)</source>
        <translation>Zugangsdaten werden nicht über eine unverschlüsselte Verbindung zu %1 gesendet (imaps oder STARTTLS verwenden oder plaintext-auth = YES setzen)</translation>
    </message>
    <message>
        <source>COMPRESS DEFLATE refused: %1</source>
        <translation>COMPRESS DEFLATE abgelehnt: %1</translation>
    </message>
    <message>
        <source>%1: no suitable compression algorithm offered; not compressing</source>
        <translation>%1: kein geeignetes Kompressionsverfahren angeboten; es wird nicht komprimiert</translation>
    </message>
    <message>
        <source>missing option username</source>
        <translation>Option username fehlt</translation>
    </message>
    <message>
        <source>missing password</source>
        <translation>Passwort fehlt</translation>
    </message>
    <message>
        <source>the server disables logins on this connection (LOGINDISABLED)</source>
        <translation>der Server sperrt Anmeldungen auf dieser Verbindung (LOGINDISABLED)</translation>
    </message>
    <message>
        <source>no common authentication mechanism (server offers: %1)</source>
        <translation>kein gemeinsames Anmeldeverfahren (der Server bietet: %1)</translation>
    </message>
    <message>
        <source>the server ended SCRAM without proving that it knows the password</source>
        <translation>der Server hat SCRAM beendet, ohne zu beweisen, dass er das Passwort kennt</translation>
    </message>
    <message>
        <source>unsupported authentication mechanism: %1</source>
        <translation>nicht unterstütztes Anmeldeverfahren: %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server did not enable %1</source>
        <translation>der Server hat %1 nicht aktiviert</translation>
    </message>
</context>
<context>
    <name>IniFile</name>
    <message>
        <source>syntax error at line %1</source>
        <translation>Syntaxfehler in Zeile %1</translation>
    </message>
</context>
<context>
    <name>InterimapImport</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei existiert nicht</translation>
    </message>
    <message>
        <source>not an interimap database of schema version 1</source>
        <translation>keine interimap-Datenbank mit Schemaversion 1</translation>
    </message>
    <message>
        <source>could not commit the adopted state</source>
        <translation>übernommener Zustand konnte nicht festgeschrieben werden</translation>
    </message>
    <message>
        <source>database: %1: cannot keep a copy as %2</source>
        <translation>database: %1: es kann keine Kopie als %2 angelegt werden</translation>
    </message>
    <message>
        <source>database: %1: cannot replace it with the migrated state: %2</source>
        <translation>database: %1: kann nicht durch den migrierten Zustand ersetzt werden: %2</translation>
    </message>
</context>
<context>
    <name>MailboxCommands</name>
    <message>
        <source>INBOX can&apos;t be deleted</source>
        <translation>INBOX kann nicht gelöscht werden</translation>
    </message>
    <message>
        <source>Deleted mailbox</source>
        <translation>Postfach gelöscht</translation>
    </message>
    <message>
        <source>Removed mailbox %1</source>
        <translation>Postfach %1 entfernt</translation>
    </message>
    <message>
        <source>mailbox %1 exists; delete it first with --target=%2 --delete %1</source>
        <translation>Postfach %1 existiert; zuerst mit --target=%2 --delete %1 löschen</translation>
    </message>
    <message>
        <source>mailbox %1 exists; delete it first with --target=database --delete %1</source>
        <translation>Postfach %1 existiert; zuerst mit --target=database --delete %1 löschen</translation>
    </message>
    <message>
        <source>Renamed mailbox to %1</source>
        <translation>Postfach umbenannt in %1</translation>
    </message>
    <message>
        <source>Renamed mailbox %1 to %2</source>
        <translation>Postfach %1 umbenannt in %2</translation>
    </message>
</context>
<context>
    <name>MailboxContext</name>
    <message>
        <source>database: %1: could not commit the changes of %2: %3</source>
        <translation>database: %1: Änderungen an %2 konnten nicht festgeschrieben werden: %3</translation>
    </message>
</context>
<context>
    <name>MailboxLister</name>
    <message>
        <source>the server does not support %1, which Twinbox needs</source>
        <translation>der Server unterstützt %1 nicht, das Twinbox braucht</translation>
    </message>
</context>
<context>
    <name>MailboxName</name>
    <message>
        <source>the name holds &quot;%1&quot;, which is this server&apos;s hierarchy delimiter, so the mailbox cannot exist here under that name</source>
        <translation>der Name enthält „%1“, das Hierarchie-Trennzeichen dieses Servers, daher kann das Postfach hier nicht unter diesem Namen existieren</translation>
    </message>
    <message>
        <source>the name has hierarchy levels, which this server&apos;s flat namespace cannot hold</source>
        <translation>der Name hat Hierarchieebenen, die der flache Namensraum dieses Servers nicht abbilden kann</translation>
    </message>
</context>
<context>
    <name>MailboxSync</name>
    <message>
        <source>the mailbox is read-only</source>
        <translation>das Postfach ist schreibgeschützt</translation>
    </message>
    <message>
        <source>the mailbox kept changing during %1 passes; it is synced again next time</source>
        <translation>das Postfach hat sich während %1 Durchläufen ständig geändert; es wird beim nächsten Mal erneut synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) already on both sides paired, not copied</source>
        <translation>
            <numerusform>%n Nachricht bereits auf beiden Seiten zugeordnet, nicht kopiert</numerusform>
            <numerusform>%n Nachrichten bereits auf beiden Seiten zugeordnet, nicht kopiert</numerusform>
        </translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2: matching the messages again by Message-ID, size and date</source>
        <translation>UIDVALIDITY von %1 auf %2 geändert: die Nachrichten werden erneut nach Message-ID, Größe und Datum zugeordnet</translation>
    </message>
    <message numerus="yes">
        <source>Repaired: %n pair(s) re-matched, %1 copied</source>
        <translation>
            <numerusform>Repariert: %n Paar neu zugeordnet, %1 kopiert</numerusform>
            <numerusform>Repariert: %n Paare neu zugeordnet, %1 kopiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageCopier</name>
    <message>
        <source>the server sent a message body before its UID, FLAGS and INTERNALDATE</source>
        <translation>der Server hat einen Nachrichteninhalt vor UID, FLAGS und INTERNALDATE gesendet</translation>
    </message>
    <message>
        <source>APPEND without APPENDUID (UIDPLUS)</source>
        <translation>APPEND ohne APPENDUID (UIDPLUS)</translation>
    </message>
    <message>
        <source>APPENDUID names %1 UIDs for %2 messages</source>
        <translation>APPENDUID nennt %1 UIDs für %2 Nachrichten</translation>
    </message>
    <message>
        <source>the source stopped in the middle of a message</source>
        <translation>die Quelle hat mitten in einer Nachricht aufgehört</translation>
    </message>
</context>
<context>
    <name>NewMessageSync</name>
    <message>
        <source>Ignoring new 0-length message (UID %1)</source>
        <translation>Neue Nachricht mit Länge 0 wird ignoriert (UID %1)</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>die Nachricht ist leer</translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2 during APPEND</source>
        <translation>UIDVALIDITY hat sich während APPEND von %1 auf %2 geändert</translation>
    </message>
    <message>
        <source>%1 refused the message: %2</source>
        <translation>%1 hat die Nachricht abgelehnt: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n UID(s) %1</source>
        <translation>
            <numerusform>%n UID hinzugefügt: %1</numerusform>
            <numerusform>%n UIDs hinzugefügt: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>refused %1 UID %2 (tried again next time): %3</source>
        <translation>UID %2 von %1 abgelehnt (wird beim nächsten Mal erneut versucht): %3</translation>
    </message>
    <message>
        <source>%1 did not send the message&apos;s body</source>
        <translation>%1 hat den Inhalt der Nachricht nicht gesendet</translation>
    </message>
</context>
<context>
    <name>PairLock</name>
    <message>
        <source>cannot open the lock file %1: %2</source>
        <translation>Sperrdatei %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>already syncing (pid %1)</source>
        <translation>Synchronisation läuft bereits (PID %1)</translation>
    </message>
    <message>
        <source>already syncing</source>
        <translation>Synchronisation läuft bereits</translation>
    </message>
    <message>
        <source>cannot lock %1: %2</source>
        <translation>%1 kann nicht gesperrt werden: %2</translation>
    </message>
</context>
<context>
    <name>PairProfile</name>
    <message>
        <source>Give the pair a name.</source>
        <translation>Das Paar braucht einen Namen.</translation>
    </message>
    <message>
        <source>A name cannot begin or end with a space.</source>
        <translation>Ein Name darf nicht mit einem Leerzeichen beginnen oder enden.</translation>
    </message>
    <message>
        <source>A name has at most 64 characters.</source>
        <translation>Ein Name hat höchstens 64 Zeichen.</translation>
    </message>
    <message>
        <source>A name cannot contain &quot;/&quot;, &quot;\&quot; or control characters.</source>
        <translation>Ein Name darf weder „/“ noch „\“ noch Steuerzeichen enthalten.</translation>
    </message>
    <message>
        <source>A name cannot begin with a dot.</source>
        <translation>Ein Name darf nicht mit einem Punkt beginnen.</translation>
    </message>
    <message>
        <source>a value of pair %1 contains a line break</source>
        <translation>ein Wert des Paars %1 enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>pair %1: %2</source>
        <translation>Paar %1: %2</translation>
    </message>
</context>
<context>
    <name>PairStore</name>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>PairSync</name>
    <message>
        <source>the server does not support %1, which Twinbox needs</source>
        <translation>der Server unterstützt %1 nicht, das Twinbox braucht</translation>
    </message>
    <message>
        <source>Created mailbox</source>
        <translation>Postfach angelegt</translation>
    </message>
    <message>
        <source>the mailbox is gone on this side but still exists on %1 and in the database (deleted or renamed?); it is left alone: recreate it here, or run twinbox-cli --target=%1 --target=database --delete %2</source>
        <translation>das Postfach fehlt auf dieser Seite, besteht aber noch auf %1 und in der Datenbank (gelöscht oder umbenannt?); es bleibt unberührt: hier neu anlegen oder twinbox-cli --target=%1 --target=database --delete %2 ausführen</translation>
    </message>
    <message>
        <source>Deleted mailbox, as it was deleted on %1 (on-mailbox-deleted = delete)</source>
        <translation>Postfach gelöscht, wie auf %1 (on-mailbox-deleted = delete)</translation>
    </message>
    <message>
        <source>Mailbox name contains null characters but the namespace is flat!</source>
        <translation>Der Postfachname enthält Nullzeichen, aber der Namensraum ist flach!</translation>
    </message>
    <message>
        <source>Local and remote namespaces are neither both flat nor both hierarchical (local %1, remote %2).</source>
        <translation>Lokaler und entfernter Namensraum sind weder beide flach noch beide hierarchisch (lokal %1, entfernt %2).</translation>
    </message>
    <message>
        <source>the mailbox is gone on this side, but it changed on %1 since the last sync, so it is not deleted there (on-mailbox-deleted = delete); delete it by hand, or sync it back with on-mailbox-deleted = recreate</source>
        <translation>das Postfach ist auf dieser Seite verschwunden, hat sich aber auf %1 seit der letzten Synchronisierung geändert und wird dort daher nicht gelöscht (on-mailbox-deleted = delete); von Hand löschen oder mit on-mailbox-deleted = recreate zurücksynchronisieren</translation>
    </message>
    <message>
        <source>CREATE refused: %1</source>
        <translation>CREATE abgelehnt: %1</translation>
    </message>
    <message>
        <source>no parallel connection: %1</source>
        <translation>keine parallele Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>PasswordCommand</name>
    <message>
        <source>%1: cannot start: %2</source>
        <translation>%1: kann nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s</source>
        <translation>%1: keine Antwort innerhalb von %2 s</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2)%3</source>
        <translation>%1 fehlgeschlagen (Exit-Status %2)%3</translation>
    </message>
    <message>
        <source>%1 printed no password</source>
        <translation>%1 hat kein Passwort ausgegeben</translation>
    </message>
</context>
<context>
    <name>QresyncSelect</name>
    <message>
        <source>the mailbox does not support mod-sequences (NOMODSEQ), which two-way sync needs</source>
        <translation>das Postfach unterstützt keine Mod-Sequenzen (NOMODSEQ), die die Zwei-Wege-Synchronisation braucht</translation>
    </message>
    <message>
        <source>the mailbox has no persistent UIDs (UIDNOTSTICKY)</source>
        <translation>das Postfach hat keine dauerhaften UIDs (UIDNOTSTICKY)</translation>
    </message>
    <message>
        <source>the server sent EXPUNGE instead of VANISHED although QRESYNC is enabled (RFC 7162 violation)</source>
        <translation>der Server hat EXPUNGE statt VANISHED gesendet, obwohl QRESYNC aktiviert ist (Verstoß gegen RFC 7162)</translation>
    </message>
    <message>
        <source>the server did not report UIDVALIDITY and UIDNEXT on SELECT</source>
        <translation>der Server hat bei SELECT UIDVALIDITY und UIDNEXT nicht gemeldet</translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2</source>
        <translation>UIDVALIDITY hat sich von %1 auf %2 geändert</translation>
    </message>
</context>
<context>
    <name>RenameDetector</name>
    <message>
        <source>Renamed mailbox to %1, as on %2</source>
        <translation>Postfach umbenannt in %1, wie auf %2</translation>
    </message>
</context>
<context>
    <name>RepairPass</name>
    <message>
        <source>Missed flag update in %1 for (lUID,rUID) = (%2,%3). Repairing.</source>
        <translation>Verpasste Flag-Änderung in %1 für (lUID,rUID) = (%2,%3). Wird repariert.</translation>
    </message>
    <message>
        <source>Pair (lUID,rUID) = (%1,%2) vanished from %3. Repairing.</source>
        <translation>Paar (lUID,rUID) = (%1,%2) ist aus %3 verschwunden. Wird repariert.</translation>
    </message>
    <message>
        <source>gone from both servers</source>
        <translation>auf beiden Servern verschwunden</translation>
    </message>
    <message>
        <source>UID %1 disappeared without being reported as expunged. Copying %2 UID %3 again.</source>
        <translation>UID %1 ist verschwunden, ohne als gelöscht gemeldet zu werden. %2-UID %3 wird erneut kopiert.</translation>
    </message>
    <message>
        <source>its pair was lost: to be copied again</source>
        <translation>sein Paar ging verloren: wird erneut kopiert</translation>
    </message>
</context>
<context>
    <name>ResponseFramer</name>
    <message>
        <source>response line longer than %1 bytes</source>
        <translation>Antwortzeile länger als %1 Bytes</translation>
    </message>
    <message>
        <source>line ends without CRLF</source>
        <translation>Zeile endet ohne CRLF</translation>
    </message>
    <message>
        <source>response larger than %1 bytes</source>
        <translation>Antwort größer als %1 Bytes</translation>
    </message>
    <message>
        <source>literal size out of range</source>
        <translation>Literalgröße außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>literal of %1 bytes exceeds the limit of %2</source>
        <translation>Literal mit %1 Bytes überschreitet die Grenze von %2</translation>
    </message>
</context>
<context>
    <name>ResponseParser</name>
    <message>
        <source>invalid UID set</source>
        <translation>ungültige UID-Menge</translation>
    </message>
    <message>
        <source>COPYUID with sets of different sizes</source>
        <translation>COPYUID mit Mengen unterschiedlicher Größe</translation>
    </message>
    <message>
        <source>invalid hierarchy delimiter</source>
        <translation>ungültiges Hierarchie-Trennzeichen</translation>
    </message>
    <message>
        <source>invalid INTERNALDATE</source>
        <translation>ungültiges INTERNALDATE</translation>
    </message>
    <message>
        <source>expected TAG</source>
        <translation>TAG erwartet</translation>
    </message>
    <message>
        <source>EXPUNGE of message 0</source>
        <translation>EXPUNGE von Nachricht 0</translation>
    </message>
    <message>
        <source>FETCH of message 0</source>
        <translation>FETCH von Nachricht 0</translation>
    </message>
    <message>
        <source>unknown response</source>
        <translation>unbekannte Antwort</translation>
    </message>
    <message>
        <source>expected EARLIER</source>
        <translation>EARLIER erwartet</translation>
    </message>
    <message>
        <source>expected MODSEQ</source>
        <translation>MODSEQ erwartet</translation>
    </message>
    <message>
        <source>expected OK, NO or BAD after the tag</source>
        <translation>OK, NO oder BAD nach dem Tag erwartet</translation>
    </message>
    <message>
        <source>unexpected data at the end of the response</source>
        <translation>unerwartete Daten am Ende der Antwort</translation>
    </message>
    <message>
        <source>expected FETCH</source>
        <translation>FETCH erwartet</translation>
    </message>
</context>
<context>
    <name>ResponseTokenizer</name>
    <message>
        <source>expected a space</source>
        <translation>Leerzeichen erwartet</translation>
    </message>
    <message>
        <source>expected “%1”</source>
        <translation>„%1“ erwartet</translation>
    </message>
    <message>
        <source>expected an atom</source>
        <translation>Atom erwartet</translation>
    </message>
    <message>
        <source>expected a FETCH item</source>
        <translation>FETCH-Element erwartet</translation>
    </message>
    <message>
        <source>expected a tag</source>
        <translation>Tag erwartet</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>Zahl außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>Zahl erwartet</translation>
    </message>
    <message>
        <source>zero where a positive number is required</source>
        <translation>Null, wo eine positive Zahl verlangt ist</translation>
    </message>
    <message>
        <source>malformed literal</source>
        <translation>fehlerhaftes Literal</translation>
    </message>
    <message>
        <source>response ends inside a literal</source>
        <translation>Antwort endet innerhalb eines Literals</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>nicht abgeschlossene Zeichenkette in Anführungszeichen</translation>
    </message>
    <message>
        <source>invalid escape in quoted string</source>
        <translation>ungültige Maskierung in Zeichenkette</translation>
    </message>
    <message>
        <source>NUL byte in quoted string</source>
        <translation>NUL-Byte in Zeichenkette</translation>
    </message>
    <message>
        <source>message body where a string was expected</source>
        <translation>Nachrichteninhalt, wo eine Zeichenkette erwartet wurde</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>Zeichenkette erwartet</translation>
    </message>
    <message>
        <source>expected a string or NIL</source>
        <translation>Zeichenkette oder NIL erwartet</translation>
    </message>
    <message>
        <source>missing “]”</source>
        <translation>„]“ fehlt</translation>
    </message>
    <message>
        <source>lists nested too deeply</source>
        <translation>Listen zu tief verschachtelt</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>unerwartetes Zeichen</translation>
    </message>
</context>
<context>
    <name>ScramClient</name>
    <message>
        <source>the server requires a SCRAM extension Twinbox does not know</source>
        <translation>der Server verlangt eine SCRAM-Erweiterung, die Twinbox nicht kennt</translation>
    </message>
    <message>
        <source>malformed SCRAM challenge</source>
        <translation>fehlerhafte SCRAM-Herausforderung</translation>
    </message>
    <message>
        <source>the server asks for %1 SCRAM iterations, more than %2</source>
        <translation>der Server verlangt %1 SCRAM-Iterationen, mehr als %2</translation>
    </message>
    <message>
        <source>the server refused the SCRAM exchange: %1</source>
        <translation>der Server hat den SCRAM-Austausch abgelehnt: %1</translation>
    </message>
    <message>
        <source>the server could not prove that it knows the password (SCRAM server signature)</source>
        <translation>der Server konnte nicht beweisen, dass er das Passwort kennt (SCRAM-Serversignatur)</translation>
    </message>
    <message>
        <source>the SCRAM key could not be derived</source>
        <translation>der SCRAM-Schlüssel konnte nicht abgeleitet werden</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no password stored in the keychain</source>
        <translation>kein Passwort im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <source>the keychain is not available (%1); install and unlock gnome-keyring or KWallet</source>
        <translation>der Schlüsselbund ist nicht verfügbar (%1); gnome-keyring oder KWallet installieren und entsperren</translation>
    </message>
    <message>
        <source>%1 is missing from the installation</source>
        <translation>%1 fehlt in der Installation</translation>
    </message>
    <message>
        <source>the keychain cannot be used: %1</source>
        <translation>der Schlüsselbund kann nicht verwendet werden: %1</translation>
    </message>
</context>
<context>
    <name>StateDatabase</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1: %2</translation>
    </message>
    <message>
        <source>database: %1: not a usable SQLite database (%2)</source>
        <translation>database: %1: keine verwendbare SQLite-Datenbank (%2)</translation>
    </message>
    <message>
        <source>database: %1: written by a newer Twinbox (schema %2, this one knows up to %3); refusing to touch it</source>
        <translation>database: %1: von einem neueren Twinbox geschrieben (Schema %2, dieses kennt bis %3); sie wird nicht angerührt</translation>
    </message>
    <message>
        <source>database: %1: broken references after migration %2; nothing was changed</source>
        <translation>database: %1: fehlerhafte Verweise nach Migration %2; nichts wurde geändert</translation>
    </message>
    <message>
        <source>database: %1: not a Twinbox state database (nor an interimap one, which would be migrated); refusing to touch it</source>
        <translation>database: %1: keine Twinbox-Zustandsdatenbank (und keine interimap-Datenbank, die migriert würde); sie wird nicht angerührt</translation>
    </message>
    <message>
        <source>database: %1: damaged (%2); refusing to touch it. Move it away to start afresh: what both sides already hold is then paired again, not copied</source>
        <translation>database: %1: beschädigt (%2); sie wird nicht angerührt. Verschieben Sie sie, um neu zu beginnen: was beide Seiten schon haben, wird dann wieder gepaart, nicht kopiert</translation>
    </message>
</context>
<context>
    <name>StateStore</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1: %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionSync</name>
    <message>
        <source>Subscribed</source>
        <translation>Abonniert</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Abbestellt</translation>
    </message>
</context>
<context>
    <name>SyncConfig</name>
    <message>
        <source>no such config file %1</source>
        <translation>Konfigurationsdatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 holds a password and can be read by other users; chmod 600 it, or use password-command or the keychain</source>
        <translation>%1 enthält ein Passwort und ist für andere Benutzer lesbar; chmod 600 ausführen oder password-command bzw. den Schlüsselbund verwenden</translation>
    </message>
    <message>
        <source>no section [%1]</source>
        <translation>Abschnitt [%1] fehlt</translation>
    </message>
    <message>
        <source>line %1: unknown option %2</source>
        <translation>Zeile %1: unbekannte Option %2</translation>
    </message>
    <message>
        <source>line %1: invalid value for %2%3</source>
        <translation>Zeile %1: ungültiger Wert für %2%3</translation>
    </message>
    <message>
        <source>line %1: %2 is read from the top of the file only; ignored in [%3]</source>
        <translation>Zeile %1: %2 wird nur am Anfang der Datei gelesen; in [%3] ignoriert</translation>
    </message>
    <message>
        <source>line %1: unknown section [%2]</source>
        <translation>Zeile %1: unbekannter Abschnitt [%2]</translation>
    </message>
    <message>
        <source>invalid value for port: %1</source>
        <translation>ungültiger Wert für port: %1</translation>
    </message>
    <message>
        <source>[%1]: type = tunnel needs a command</source>
        <translation>[%1]: type = tunnel braucht einen command</translation>
    </message>
    <message>
        <source>[%1]: SSL_protocols is deprecated and ignored; use SSL_protocol_min/max</source>
        <translation>[%1]: SSL_protocols ist veraltet und wird ignoriert; SSL_protocol_min/max verwenden</translation>
    </message>
    <message>
        <source>invalid value for list-mailbox: %1</source>
        <translation>ungültiger Wert für list-mailbox: %1</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>%1 is no longer supported; the oldest protocol is TLSv1.2</source>
        <translation>%1 wird nicht mehr unterstützt; das älteste Protokoll ist TLSv1.2</translation>
    </message>
    <message>
        <source>unknown TLS protocol version: %1</source>
        <translation>unbekannte TLS-Protokollversion: %1</translation>
    </message>
    <message>
        <source>no certificate found in SSL_CAfile/SSL_CApath</source>
        <translation>kein Zertifikat in SSL_CAfile/SSL_CApath gefunden</translation>
    </message>
    <message>
        <source>SSL_protocol_min is above SSL_protocol_max</source>
        <translation>SSL_protocol_min liegt über SSL_protocol_max</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>TLS-Zertifikat abgelehnt: %1</translation>
    </message>
    <message>
        <source> (server key %1; to trust it, set SSL_fingerprint = %1)</source>
        <translation> (Serverschlüssel %1; um ihm zu vertrauen, SSL_fingerprint = %1 setzen)</translation>
    </message>
    <message>
        <source>cannot connect to %1:%2: %3</source>
        <translation>keine Verbindung zu %1:%2: %3</translation>
    </message>
    <message>
        <source>the server&apos;s key %1 matches no SSL_fingerprint: refusing the connection (man in the middle?)</source>
        <translation>der Serverschlüssel %1 passt zu keinem SSL_fingerprint: Verbindung abgelehnt (Man-in-the-Middle?)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>missing tunnel command</source>
        <translation>Tunnelbefehl fehlt</translation>
    </message>
    <message>
        <source>cannot start the tunnel command: %1</source>
        <translation>Tunnelbefehl kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>unsupported proxy (only socks5:// and socks5h://): %1</source>
        <translation>nicht unterstützter Proxy (nur socks5:// und socks5h://): %1</translation>
    </message>
    <message>
        <source>The server&apos;s key is not one of the keys trusted for it.</source>
        <translation>Der Serverschlüssel ist keiner der Schlüssel, denen für diesen Server vertraut wird.</translation>
    </message>
    <message>
        <source> (asked for %1; the certificate is for %2)</source>
        <translation> (verlangt war %1; das Zertifikat gilt für %2)</translation>
    </message>
    <message>
        <source>not connected: the run ended before it needed the server</source>
        <translation>nicht verbunden: der Lauf endete, bevor er den Server brauchte</translation>
    </message>
</context>
<context>
    <name>twinbox::AccountPage</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>First account</source>
        <translation>Erstes Konto</translation>
    </message>
    <message>
        <source>The first of the two accounts to keep identical, for example the one you have had for longest.</source>
        <translation>Das erste der beiden Konten, die identisch bleiben sollen, zum Beispiel das, das Sie schon am längsten haben.</translation>
    </message>
    <message>
        <source>Second account</source>
        <translation>Zweites Konto</translation>
    </message>
    <message>
        <source>The account to keep identical with the first one.</source>
        <translation>Das Konto, das mit dem ersten identisch bleiben soll.</translation>
    </message>
    <message>
        <source>User name or email address</source>
        <translation>Benutzername oder E-Mail-Adresse</translation>
    </message>
    <message>
        <source>e.g. alice@example.net</source>
        <translation>z. B. alice@example.net</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>Tunnel command</source>
        <translation>Tunnelbefehl</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>IMAP-Server</translation>
    </message>
    <message>
        <source>e.g. imap.example.net</source>
        <translation>z. B. imap.example.net</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>e.g. ssh mail.example.net dovecot exec imap</source>
        <translation>z. B. ssh mail.example.net dovecot exec imap</translation>
    </message>
    <message>
        <source>A command that speaks IMAP on its standard input and output, already logged in.</source>
        <translation>Ein Befehl, der auf seiner Standardein- und -ausgabe IMAP spricht, bereits angemeldet.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Ergebnis des Verbindungstests</translation>
    </message>
    <message>
        <source>What the server offers and lacks</source>
        <translation>Was der Server bietet und was ihm fehlt</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>Tunnel &amp;command:</source>
        <translation>Tunnelbefe&amp;hl:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Type the tunnel command first.</source>
        <translation>Zuerst den Tunnelbefehl eingeben.</translation>
    </message>
    <message>
        <source>Type the user name and the server first.</source>
        <translation>Zuerst Benutzername und Server eingeben.</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>Diese Einstellungen können nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>Type the password first.</source>
        <translation>Zuerst das Passwort eingeben.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>Dem Zertifikat des Servers wird nicht vertraut.</translation>
    </message>
    <message>
        <source>Connected and logged in: this account can be synced.</source>
        <translation>Verbunden und angemeldet: dieses Konto kann synchronisiert werden.</translation>
    </message>
    <message>
        <source>Connected and logged in, but this server cannot be synced both ways.</source>
        <translation>Verbunden und angemeldet, aber dieser Server kann nicht in beide Richtungen synchronisiert werden.</translation>
    </message>
</context>
<context>
    <name>twinbox::ActivityLogModel</name>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paar</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
</context>
<context>
    <name>twinbox::CertificatePanel</name>
    <message>
        <source>Why the certificate is not trusted</source>
        <translation>Warum dem Zertifikat nicht vertraut wird</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server&apos;s key</source>
        <translation>SHA-256-Fingerabdruck des Serverschlüssels</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Ausgestellt für</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <source>T&amp;rust this certificate</source>
        <translation>Diesem Zertifikat &amp;vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>Connect to this server from now on as long as it shows this key, even though no certificate authority vouches for it.</source>
        <translation>Ab jetzt mit diesem Server verbinden, solange er diesen Schlüssel vorzeigt, auch wenn keine Zertifizierungsstelle für ihn bürgt.</translation>
    </message>
    <message>
        <source>Key fingerprint (SHA-256):</source>
        <translation>Schlüssel-Fingerabdruck (SHA-256):</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Ausgestellt für:</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Ausgestellt von:</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Gültig:</translation>
    </message>
    <message>
        <source>%1
Trust it only if the fingerprint below is the one your mail provider or administrator gives.</source>
        <translation>%1
Nur vertrauen, wenn der Fingerabdruck unten der ist, den Ihr E-Mail-Anbieter oder Ihre Administration angibt.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>von %1 bis %2</translation>
    </message>
</context>
<context>
    <name>twinbox::IssueListModel</name>
    <message>
        <source>Flags changed on both sides: %1</source>
        <translation>Flags auf beiden Seiten geändert: %1</translation>
    </message>
    <message>
        <source>Deleted on one side while changed on the other: %1</source>
        <translation>Auf einer Seite gelöscht, auf der anderen geändert: %1</translation>
    </message>
    <message>
        <source>Decision needed: %1</source>
        <translation>Entscheidung nötig: %1</translation>
    </message>
    <message>
        <source>A server refused the message: %1</source>
        <translation>Ein Server hat die Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was passiert ist</translation>
    </message>
    <message>
        <source>From: %1
Date: %2</source>
        <translation>Von: %1
Datum: %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — von %2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>twinbox::MailboxProgressModel</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Wird geöffnet</translation>
    </message>
    <message>
        <source>Applying changes</source>
        <translation>Änderungen werden übernommen</translation>
    </message>
    <message>
        <source>Copying messages</source>
        <translation>Nachrichten werden kopiert</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Wird geprüft</translation>
    </message>
    <message>
        <source>%1 percent</source>
        <translation>%1 Prozent</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Postfach</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Flag changes</source>
        <translation>Flag-Änderungen</translation>
    </message>
    <message>
        <source>Expunged</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Zuletzt synchronisiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>%1/%2 · %3</source>
        <translation>%1/%2 · %3</translation>
    </message>
    <message>
        <source>Not synced this time</source>
        <translation>Diesmal nicht synchronisiert</translation>
    </message>
</context>
<context>
    <name>twinbox::MailboxSelectionPage</name>
    <message>
        <source>Also sync mailboxes matching these patterns</source>
        <translation>Zusätzlich Postfächer synchronisieren, die auf diese Muster passen</translation>
    </message>
    <message>
        <source>Never sync mailboxes matching these patterns</source>
        <translation>Postfächer, die auf diese Muster passen, nie synchronisieren</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Postfächer</translation>
    </message>
    <message>
        <source>Tick the mailboxes to keep identical. Leave all of them ticked to sync every mailbox, including the ones created later.</source>
        <translation>Die Postfächer auswählen, die identisch bleiben sollen. Bleiben alle ausgewählt, werden alle Postfächer synchronisiert, auch später angelegte.</translation>
    </message>
    <message>
        <source>Mailboxes to sync</source>
        <translation>Zu synchronisierende Postfächer</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>&amp;Alle auswählen</translation>
    </message>
    <message>
        <source>Tick all mailboxes</source>
        <translation>Alle Postfächer auswählen</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>Alle a&amp;bwählen</translation>
    </message>
    <message>
        <source>Untick all mailboxes</source>
        <translation>Alle Postfächer abwählen</translation>
    </message>
    <message>
        <source>Also &amp;include mailboxes matching (one per line, * and % as wildcards):</source>
        <translation>Zusätzlich Postfächer e&amp;inschließen, die hierauf passen (ein Muster pro Zeile, * und % als Platzhalter):</translation>
    </message>
    <message>
        <source>&amp;Exclude mailboxes matching (one per line, e.g. Spam or Archive/*):</source>
        <translation>Postfächer a&amp;usschließen, die hierauf passen (ein Muster pro Zeile, z. B. Spam oder Archive/*):</translation>
    </message>
    <message>
        <source>Reading the list of mailboxes…</source>
        <translation>Liste der Postfächer wird gelesen…</translation>
    </message>
    <message>
        <source>Some mailboxes may be missing from this list: %1</source>
        <translation>In dieser Liste fehlen möglicherweise Postfächer: %1</translation>
    </message>
    <message>
        <source>Test the connections to see the mailboxes of both accounts.</source>
        <translation>Die Verbindungen testen, um die Postfächer beider Konten zu sehen.</translation>
    </message>
</context>
<context>
    <name>twinbox::MainWindow</name>
    <message>
        <source>Twinbox</source>
        <translation>Twinbox</translation>
    </message>
    <message>
        <source>No account pair yet.</source>
        <translation>Noch kein Kontenpaar.</translation>
    </message>
    <message>
        <source>Add an account pair…</source>
        <translation>Kontenpaar hinzufügen…</translation>
    </message>
    <message>
        <source>Add an account pair</source>
        <translation>Kontenpaar hinzufügen</translation>
    </message>
    <message>
        <source>Account pairs</source>
        <translation>Kontenpaare</translation>
    </message>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>&amp;Postfächer</translation>
    </message>
    <message>
        <source>&amp;Conflicts and issues</source>
        <translation>&amp;Konflikte und Probleme</translation>
    </message>
    <message>
        <source>A&amp;ctivity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Alle Paare</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Entfernen…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptsymbolleiste</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>Mailboxes of the selected pair</source>
        <translation>Postfächer des ausgewählten Paars</translation>
    </message>
    <message>
        <source>Conflicts and issues of the selected pair</source>
        <translation>Konflikte und Probleme des ausgewählten Paars</translation>
    </message>
    <message>
        <source>Delete the mailbox on the other side too</source>
        <translation>Postfach auch auf der anderen Seite löschen</translation>
    </message>
    <message>
        <source>Create the mailbox again</source>
        <translation>Postfach neu anlegen</translation>
    </message>
    <message>
        <source>Mark as seen</source>
        <translation>Als gesehen markieren</translation>
    </message>
    <message>
        <source>Show the activity of</source>
        <translation>Aktivität anzeigen von</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Niedrigste angezeigte Stufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alles</translation>
    </message>
    <message>
        <source>Everything with the protocol</source>
        <translation>Alles samt Protokoll</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Aktivitätsprotokoll</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>noch weniger als eine Minute</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>noch etwa %n Minute</numerusform>
            <numerusform>noch etwa %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>noch etwa %n Stunde</numerusform>
            <numerusform>noch etwa %n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Twinbox, and syncing stops until it is started again.</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: das Schließen des Fensters beendet Twinbox, und die Synchronisation ruht, bis es wieder gestartet wird.</translation>
    </message>
    <message numerus="yes">
        <source>%n open issue(s)</source>
        <translation>
            <numerusform>%n offenes Problem</numerusform>
            <numerusform>%n offene Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>next sync at %1</source>
        <translation>nächste Synchronisation um %1</translation>
    </message>
</context>
<context>
    <name>twinbox::PairListModel</name>
    <message>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Wird synchronisiert</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Account pair</source>
        <translation>Kontenpaar</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Letzte Synchronisation</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Nächste Synchronisation</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
</context>
<context>
    <name>twinbox::PairNamePage</name>
    <message>
        <source>Edit the account pair</source>
        <translation>Kontenpaar bearbeiten</translation>
    </message>
    <message>
        <source>Name the account pair</source>
        <translation>Kontenpaar benennen</translation>
    </message>
    <message>
        <source>Twinbox keeps two mail accounts identical in both directions. The name tells this pair apart from the others.</source>
        <translation>Twinbox hält zwei E-Mail-Konten in beide Richtungen identisch. Der Name unterscheidet dieses Paar von den anderen.</translation>
    </message>
    <message>
        <source>Pair name</source>
        <translation>Name des Paars</translation>
    </message>
    <message>
        <source>e.g. Home and work</source>
        <translation>z. B. Privat und Arbeit</translation>
    </message>
    <message>
        <source>Problem with the name</source>
        <translation>Problem mit dem Namen</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>There is already a pair named &quot;%1&quot;.</source>
        <translation>Es gibt bereits ein Paar namens „%1“.</translation>
    </message>
</context>
<context>
    <name>twinbox::PairWizard</name>
    <message>
        <source>Edit Account Pair</source>
        <translation>Kontenpaar bearbeiten</translation>
    </message>
    <message>
        <source>Add Account Pair</source>
        <translation>Kontenpaar hinzufügen</translation>
    </message>
</context>
<context>
    <name>twinbox::SchedulePage</name>
    <message>
        <source>Sync as soon as a server &amp;announces a change</source>
        <translation>Synchronisieren, sobald ein Server eine Änderung &amp;meldet</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Zeitplan</translation>
    </message>
    <message>
        <source>How often Twinbox syncs this pair while it runs.</source>
        <translation>Wie oft Twinbox dieses Paar synchronisiert, während es läuft.</translation>
    </message>
    <message>
        <source>Minutes between syncs</source>
        <translation>Minuten zwischen zwei Synchronisationen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Sync as soon as a server announces a change</source>
        <translation>Synchronisieren, sobald ein Server eine Änderung meldet</translation>
    </message>
    <message>
        <source>Works with servers that offer NOTIFY or IDLE; the others are synced on schedule.</source>
        <translation>Funktioniert mit Servern, die NOTIFY oder IDLE anbieten; die anderen werden nach Zeitplan synchronisiert.</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchronisieren &amp;alle:</translation>
    </message>
</context>
<context>
    <name>twinbox::SettingsDialog</name>
    <message>
        <source>&amp;Start Twinbox when I log in</source>
        <translation>Twinbox beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>Start &amp;minimised in the tray</source>
        <translation>&amp;Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <source>Twinbox Settings</source>
        <translation>Twinbox-Einstellungen</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Start bei der Anmeldung</translation>
    </message>
    <message>
        <source>Starting at login is not supported on this system yet.</source>
        <translation>Der Start bei der Anmeldung wird auf diesem System noch nicht unterstützt.</translation>
    </message>
    <message>
        <source>Start minimised</source>
        <translation>Minimiert starten</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The language changes when Twinbox starts again.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von Twinbox.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>twinbox::TrayIcon</name>
    <message>
        <source>Sync all now</source>
        <translation>Alle jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Open Twinbox</source>
        <translation>Twinbox öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Resume all</source>
        <translation>Alle fortsetzen</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>Alle pausieren</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(und %n weitere)</numerusform>
            <numerusform>(und %n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>twinbox::TwinboxApp</name>
    <message>
        <source>Twinbox keeps running</source>
        <translation>Twinbox läuft weiter</translation>
    </message>
    <message>
        <source>Your account pairs go on syncing in the background. Quit Twinbox from the tray icon&apos;s menu.</source>
        <translation>Ihre Kontenpaare werden im Hintergrund weiter synchronisiert. Beendet wird Twinbox über das Menü seines Symbols im Infobereich.</translation>
    </message>
    <message>
        <source>No keychain is available (%1), so Twinbox cannot remember this password. It is kept in memory until Twinbox quits, and asked again at the next start.</source>
        <translation>Kein Schlüsselbund verfügbar (%1), daher kann sich Twinbox dieses Passwort nicht merken. Es bleibt im Speicher, bis Twinbox beendet wird, und wird beim nächsten Start erneut abgefragt.</translation>
    </message>
    <message>
        <source>The keychain holds no password for this account.</source>
        <translation>Der Schlüsselbund enthält kein Passwort für dieses Konto.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Passwort für %1</translation>
    </message>
    <message>
        <source>Password of the first account (local) of %1:</source>
        <translation>Passwort des ersten Kontos (local) von %1:</translation>
    </message>
    <message>
        <source>Password of the second account (remote) of %1:</source>
        <translation>Passwort des zweiten Kontos (remote) von %1:</translation>
    </message>
    <message>
        <source>%1 is not started: no password for its %2 account.</source>
        <translation>%1 wird nicht gestartet: kein Passwort für sein Konto %2.</translation>
    </message>
    <message>
        <source>Conflict in %1</source>
        <translation>Konflikt in %1</translation>
    </message>
    <message>
        <source>A message in %1 was changed on both sides; see Conflicts and issues.</source>
        <translation>Eine Nachricht in %1 wurde auf beiden Seiten geändert; siehe Konflikte und Probleme.</translation>
    </message>
    <message>
        <source>%1 cannot sync</source>
        <translation>%1 kann nicht synchronisiert werden</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The passwords of %2 are kept in memory until Twinbox quits, and asked again at the next start; they are never written to a file.</source>
        <translation>Kein Schlüsselbund verfügbar (%1). Die Passwörter von %2 bleiben im Speicher, bis Twinbox beendet wird, und werden beim nächsten Start erneut abgefragt; sie werden nie in eine Datei geschrieben.</translation>
    </message>
    <message numerus="yes">
        <source>%n account pair(s)</source>
        <translation>
            <numerusform>%n Kontenpaar</numerusform>
            <numerusform>%n Kontenpaare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing: %1%</source>
        <translation>
            <numerusform>%n wird synchronisiert: %1 %</numerusform>
            <numerusform>%n werden synchronisiert: %1 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n pausiert</numerusform>
            <numerusform>%n pausiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove the account pair %1? Twinbox stops syncing it and forgets its state and passwords; the mail on both servers stays as it is.</source>
        <translation>Das Kontenpaar %1 entfernen? Twinbox synchronisiert es nicht mehr und vergisst seinen Zustand und seine Passwörter; die E-Mails auf beiden Servern bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Twinbox</source>
        <translation>Twinbox</translation>
    </message>
</context>
<context>
    <name>twinbox::imap::ImapConnection</name>
    <message>
        <source>no answer from the server for %1 s</source>
        <translation>seit %1 s keine Antwort vom Server</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>der Server hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>tunnel command failed: %1</source>
        <translation>Tunnelbefehl fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>Verbindung geschlossen</translation>
    </message>
    <message>
        <source>%1 refused: %2 %3</source>
        <translation>%1 abgelehnt: %2 %3</translation>
    </message>
    <message>
        <source>[%1 bytes before the TLS handshake discarded]</source>
        <translation>[%1 Bytes vor dem TLS-Handshake verworfen]</translation>
    </message>
    <message>
        <source>corrupt compressed data</source>
        <translation>beschädigte komprimierte Daten</translation>
    </message>
    <message>
        <source>reply with an unknown tag: %1</source>
        <translation>Antwort mit unbekanntem Tag: %1</translation>
    </message>
    <message>
        <source>unexpected continuation request</source>
        <translation>unerwartete Fortsetzungsanforderung</translation>
    </message>
    <message>
        <source>the server sent EXPUNGE instead of VANISHED although QRESYNC is enabled (RFC 7162 violation)</source>
        <translation>der Server hat EXPUNGE statt VANISHED gesendet, obwohl QRESYNC aktiviert ist (Verstoß gegen RFC 7162)</translation>
    </message>
</context>
<context>
    <name>twinbox::imap::ProtocolError</name>
    <message>
        <source>%1 near: «%2»</source>
        <translation>%1 bei: „%2“</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::ServerWatch</name>
    <message>
        <source>IDLE failed: %1</source>
        <translation>IDLE fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>the server is closing the connection: %1</source>
        <translation>der Server schließt die Verbindung: %1</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::SyncJob</name>
    <message>
        <source>no password: set password-command in the configuration, or store the password in the keychain (%1)</source>
        <translation>kein Passwort: password-command in der Konfiguration setzen oder das Passwort im Schlüsselbund speichern (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n mailbox(es): </source>
        <translation>
            <numerusform>%n Postfach synchronisiert: </numerusform>
            <numerusform>%n Postfächer synchronisiert: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied, </source>
        <translation>
            <numerusform>%n Nachricht kopiert, </numerusform>
            <numerusform>%n Nachrichten kopiert, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag update(s), </source>
        <translation>
            <numerusform>%n Flag-Änderung, </numerusform>
            <numerusform>%n Flag-Änderungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expunge(s), </source>
        <translation>
            <numerusform>%n Löschung, </numerusform>
            <numerusform>%n Löschungen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), </source>
        <translation>
            <numerusform>%n Konflikt, </numerusform>
            <numerusform>%n Konflikte, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused, </source>
        <translation>
            <numerusform>%n abgelehnt, </numerusform>
            <numerusform>%n abgelehnt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n Fehlschlag</numerusform>
            <numerusform>%n Fehlschläge</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot create the directory of %1</source>
        <translation>Verzeichnis für %1 kann nicht angelegt werden</translation>
    </message>
    <message numerus="yes">
        <source>adopted interimap&apos;s state from %1: %n mailbox(es), %2 message(s); that file is left as it was</source>
        <translation>
            <numerusform>Zustand von interimap aus %1 übernommen: %n Postfach, %2 Nachricht(en); diese Datei bleibt unverändert</numerusform>
            <numerusform>Zustand von interimap aus %1 übernommen: %n Postfächer, %2 Nachricht(en); diese Datei bleibt unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; connecting again in %n second(s)</source>
        <translation>
            <numerusform>%1; neue Verbindung in %n Sekunde</numerusform>
            <numerusform>%1; neue Verbindung in %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message numerus="yes">
        <source>%1 was interimap&apos;s database: migrated to Twinbox with %n mailbox(es) and %2 message(s); interimap&apos;s file is kept as %3</source>
        <translation>
            <numerusform>%1 war die Datenbank von interimap: zu Twinbox migriert mit %n Postfach und %2 Nachricht(en); die Datei von interimap bleibt als %3 erhalten</numerusform>
            <numerusform>%1 war die Datenbank von interimap: zu Twinbox migriert mit %n Postfächern und %2 Nachricht(en); die Datei von interimap bleibt als %3 erhalten</numerusform>
        </translation>
    </message>
    <message>
        <source>NOTIFY is not offered by both servers</source>
        <translation>NOTIFY wird nicht von beiden Servern angeboten</translation>
    </message>
    <message numerus="yes">
        <source>%1: waiting with IDLE on INBOX and listing every %n second(s)</source>
        <translation>
            <numerusform>%1: Warten mit IDLE auf INBOX und Auflisten alle %n Sekunde</numerusform>
            <numerusform>%1: Warten mit IDLE auf INBOX und Auflisten alle %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>die Verbindung ging verloren</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::SyncLogWriter</name>
    <message>
        <source>Can&apos;t open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>copied %1 of %2 message(s), %3 of %4 MB</source>
        <translation>%1 von %2 Nachricht(en) kopiert, %3 von %4 MB</translation>
    </message>
</context>
</TS>
