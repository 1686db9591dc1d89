<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AppSettings</name>
    <message>
        <source>Cannot write the settings file %1.</source>
        <translation>Impossible d’écrire le fichier de paramètres %1.</translation>
    </message>
</context>
<context>
    <name>AppendJournal</name>
    <message numerus="yes">
        <source>Resumed an interrupted sync: %n appended message(s) found and mapped, %1 to copy again</source>
        <translation>
            <numerusform>Reprise d’une synchronisation interrompue : %n message ajouté retrouvé et associé, %1 à recopier</numerusform>
            <numerusform>Reprise d’une synchronisation interrompue : %n messages ajoutés retrouvés et associés, %1 à recopier</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Starting at login is not supported on this system yet.</source>
        <translation>Le démarrage à l’ouverture de session n’est pas encore pris en charge sur ce système.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Impossible de créer le dossier %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Cannot remove %1: %2</source>
        <translation>Impossible de supprimer %1 : %2</translation>
    </message>
</context>
<context>
    <name>CertificatePin</name>
    <message>
        <source>unknown fingerprint algorithm: %1</source>
        <translation>algorithme d’empreinte inconnu : %1</translation>
    </message>
    <message>
        <source>invalid fingerprint: %1</source>
        <translation>empreinte invalide : %1</translation>
    </message>
</context>
<context>
    <name>ChangeSync</name>
    <message>
        <source>expunged on %1 while its flags changed on %2 (%3)</source>
        <translation>supprimé sur %1 alors que ses drapeaux ont changé sur %2 (%3)</translation>
    </message>
    <message>
        <source>Conflicting flag update in %1 for local UID %2 (%3) and remote UID %4 (%5). Setting both to %6 (%7).</source>
        <translation>Mise à jour de drapeaux conflictuelle dans %1 pour l’UID local %2 (%3) et l’UID distant %4 (%5). Les deux passent à %6 (%7).</translation>
    </message>
    <message>
        <source>the union</source>
        <translation>l’union</translation>
    </message>
    <message>
        <source>local (%1), remote (%2), both set to (%3)</source>
        <translation>local (%1), distant (%2), les deux mis à (%3)</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n UID(s) %1</source>
        <translation>
            <numerusform>%n UID supprimé : %1</numerusform>
            <numerusform>%n UID supprimés : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated flags (%1) for UID %2</source>
        <translation>Drapeaux mis à jour (%1) pour l’UID %2</translation>
    </message>
    <message>
        <source>Couldn&apos;t update flags for UID %1, will try again</source>
        <translation>Impossible de mettre à jour les drapeaux de l’UID %1, nouvelle tentative à suivre</translation>
    </message>
    <message>
        <source>the three-way merge</source>
        <translation>la fusion à trois</translation>
    </message>
</context>
<context>
    <name>ChangeWriter</name>
    <message>
        <source>UID STORE refused: %1</source>
        <translation>UID STORE refusé : %1</translation>
    </message>
    <message>
        <source>the server does not support UIDPLUS, which Twinbox needs</source>
        <translation>le serveur ne prend pas en charge UIDPLUS, dont Twinbox a besoin</translation>
    </message>
</context>
<context>
    <name>CliMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions (QRESYNC, RFC 7162).</source>
        <translation>Garde deux comptes IMAP identiques dans les deux sens (QRESYNC, RFC 7162).</translation>
    </message>
    <message>
        <source>signal %1: finishing the current mailbox, then stopping</source>
        <translation>signal %1 : fin de la boîte aux lettres en cours, puis arrêt</translation>
    </message>
    <message>
        <source>Demo: the same sync again, which finds nothing left to do:</source>
        <translation>Démo : la même synchronisation encore une fois, qui n’a plus rien à faire :</translation>
    </message>
    <message>
        <source>the demo needs Dovecot&apos;s IMAP server: apt install dovecot-imapd</source>
        <translation>la démo a besoin du serveur IMAP de Dovecot : apt install dovecot-imapd</translation>
    </message>
    <message>
        <source>Demo: two private Dovecot mail stores in %1, seeded with a few messages; syncing them:</source>
        <translation>Démo : deux boîtes Dovecot privées dans %1, garnies de quelques messages ; synchronisation :</translation>
    </message>
    <message>
        <source>Demo kept; run it again with:</source>
        <translation>Démo conservée ; pour la relancer :</translation>
    </message>
    <message>
        <source>no account pair named %1 in %2</source>
        <translation>aucune paire de comptes nommée %1 dans %2</translation>
    </message>
</context>
<context>
    <name>CliOptions</name>
    <message>
        <source>option %1 needs a value</source>
        <translation>l’option %1 exige une valeur</translation>
    </message>
    <message>
        <source>invalid target %1</source>
        <translation>cible invalide %1</translation>
    </message>
    <message>
        <source>invalid value for --watch: %1</source>
        <translation>valeur invalide pour --watch : %1</translation>
    </message>
    <message>
        <source>option %1 takes no value</source>
        <translation>l’option %1 ne prend pas de valeur</translation>
    </message>
    <message>
        <source>unknown option %1</source>
        <translation>option inconnue %1</translation>
    </message>
    <message>
        <source>only one of --repair, --delete and --rename may be given</source>
        <translation>une seule option parmi --repair, --delete et --rename est permise</translation>
    </message>
    <message>
        <source>--delete needs at least one mailbox</source>
        <translation>--delete exige au moins une boîte</translation>
    </message>
    <message>
        <source>--rename needs exactly two mailboxes: SOURCE DEST</source>
        <translation>--rename exige exactement deux boîtes : SOURCE DESTINATION</translation>
    </message>
    <message>
        <source>--watch and --notify cannot be combined with --repair, --delete or --rename</source>
        <translation>--watch et --notify ne se combinent pas avec --repair, --delete ou --rename</translation>
    </message>
    <message>
        <source>--target goes with --delete or --rename only</source>
        <translation>--target ne s’emploie qu’avec --delete ou --rename</translation>
    </message>
    <message>
        <source>--keep goes with --demo only</source>
        <translation>--keep ne va qu’avec --demo</translation>
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
        <translation>Usage : %1 [OPTIONS] [BOÎTE ...]
        %1 [OPTIONS] --repair [BOÎTE ...]
        %1 [OPTIONS] --delete BOÎTE [...]
        %1 [OPTIONS] --rename SOURCE DESTINATION
        %1 --demo [--keep]
Options :
  --config=FICHIER     fichier de configuration (par défaut : config dans le dossier de configuration)
  --pair=NOM           synchroniser la paire de comptes NOM créée dans la fenêtre de Twinbox
  --watch[=SECONDES]   rester actif et synchroniser toutes les SECONDES (60 par défaut)
  --notify             attendre les notifications du serveur (NOTIFY) au lieu d’interroger à intervalles
  --target={local,remote,database}
                       limiter --delete et --rename à ces cibles
  --demo               synchroniser deux boîtes Dovecot privées créées pour la démo
  --keep               avec --demo : les conserver et afficher le chemin de la configuration
  -q, --quiet          seulement les avertissements et les erreurs
  --debug              journaliser le trafic IMAP ; deux fois : les identifiants aussi
  -h, --help           afficher cette aide
  --version            afficher la version</translation>
    </message>
    <message>
        <source>--pair and --config cannot be combined</source>
        <translation>--pair et --config ne se combinent pas</translation>
    </message>
    <message>
        <source>--demo cannot be combined with other commands, --watch, --notify, --target, --config, --pair or mailboxes</source>
        <translation>--demo ne se combine pas avec d’autres commandes, --watch, --notify, --target, --config, --pair ou des boîtes aux lettres</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>This server does not support QRESYNC, which two-way sync needs to learn what changed since the last sync.</source>
        <translation>Ce serveur ne prend pas en charge QRESYNC, dont la synchronisation bidirectionnelle a besoin pour savoir ce qui a changé depuis la dernière synchronisation.</translation>
    </message>
    <message>
        <source>This server does not support ENABLE, which two-way sync needs to turn on QRESYNC.</source>
        <translation>Ce serveur ne prend pas en charge ENABLE, dont la synchronisation bidirectionnelle a besoin pour activer QRESYNC.</translation>
    </message>
    <message>
        <source>This server does not support UIDPLUS, which two-way sync needs to know the numbers of the messages it copies.</source>
        <translation>Ce serveur ne prend pas en charge UIDPLUS, dont la synchronisation bidirectionnelle a besoin pour connaître les numéros des messages qu’elle copie.</translation>
    </message>
    <message>
        <source>This server does not support LIST-EXTENDED, which two-way sync needs to list mailboxes with their state.</source>
        <translation>Ce serveur ne prend pas en charge LIST-EXTENDED, dont la synchronisation bidirectionnelle a besoin pour lister les boîtes aux lettres avec leur état.</translation>
    </message>
    <message>
        <source>This server does not support LIST-STATUS, which two-way sync needs to see in one step which mailboxes changed.</source>
        <translation>Ce serveur ne prend pas en charge LIST-STATUS, dont la synchronisation bidirectionnelle a besoin pour voir en une seule étape quelles boîtes aux lettres ont changé.</translation>
    </message>
    <message>
        <source>This server supports everything two-way sync needs.</source>
        <translation>Ce serveur prend en charge tout ce dont la synchronisation bidirectionnelle a besoin.</translation>
    </message>
    <message>
        <source>It announces changes in every mailbox at once (NOTIFY): changes can be synced as soon as they happen.</source>
        <translation>Il annonce les changements de toutes les boîtes aux lettres à la fois (NOTIFY) : les changements peuvent être synchronisés dès qu’ils se produisent.</translation>
    </message>
    <message>
        <source>It announces changes one mailbox at a time (IDLE): changes in the watched mailboxes can be synced as soon as they happen.</source>
        <translation>Il annonce les changements d’une seule boîte aux lettres à la fois (IDLE) : les changements des boîtes aux lettres surveillées peuvent être synchronisés dès qu’ils se produisent.</translation>
    </message>
    <message>
        <source>It cannot announce changes (no NOTIFY or IDLE): Twinbox will check it on schedule only.</source>
        <translation>Il ne peut pas annoncer les changements (ni NOTIFY ni IDLE) : Twinbox le consultera uniquement selon la planification.</translation>
    </message>
    <message>
        <source>It cannot take several messages in one upload (no MULTIAPPEND): copying many messages is slower.</source>
        <translation>Il ne peut pas recevoir plusieurs messages en un seul envoi (pas de MULTIAPPEND) : la copie de nombreux messages est plus lente.</translation>
    </message>
    <message>
        <source>Each message sent to it costs an extra round trip (no LITERAL+).</source>
        <translation>Chaque message qui lui est envoyé coûte un aller-retour supplémentaire (pas de LITERAL+).</translation>
    </message>
    <message>
        <source>It can compress the connection (COMPRESS), which saves bandwidth.</source>
        <translation>Il peut compresser la connexion (COMPRESS), ce qui économise de la bande passante.</translation>
    </message>
    <message>
        <source>It cannot compress the connection (no COMPRESS): syncing uses more bandwidth.</source>
        <translation>Il ne peut pas compresser la connexion (pas de COMPRESS) : la synchronisation consomme plus de bande passante.</translation>
    </message>
    <message>
        <source>Could not reach the server: %1</source>
        <translation>Impossible de joindre le serveur : %1</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>Le certificat du serveur n’est pas reconnu comme fiable : %1</translation>
    </message>
    <message>
        <source>The secure connection failed: %1</source>
        <translation>La connexion sécurisée a échoué : %1</translation>
    </message>
    <message>
        <source>The server refused to log in: check the user name and the password (%1).</source>
        <translation>Le serveur a refusé l’authentification : vérifiez le nom d’utilisateur et le mot de passe (%1).</translation>
    </message>
    <message>
        <source>The server lacks something Twinbox needs: %1</source>
        <translation>Il manque au serveur quelque chose dont Twinbox a besoin : %1</translation>
    </message>
    <message>
        <source>The server does not answer as an IMAP server should: %1</source>
        <translation>Le serveur ne répond pas comme devrait le faire un serveur IMAP : %1</translation>
    </message>
    <message>
        <source>The server refused a command: %1</source>
        <translation>Le serveur a refusé une commande : %1</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>Ces paramètres ne sont pas utilisables : %1</translation>
    </message>
    <message>
        <source>Unexpected failure: %1</source>
        <translation>Échec inattendu : %1</translation>
    </message>
    <message>
        <source>Its mailboxes could not be listed: %1</source>
        <translation>Impossible de lister ses boîtes aux lettres : %1</translation>
    </message>
</context>
<context>
    <name>DemoPair</name>
    <message>
        <source>cannot create a temporary directory: %1</source>
        <translation>impossible de créer un répertoire temporaire : %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Démo</translation>
    </message>
</context>
<context>
    <name>DemoStore</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>cannot create %1/%2</source>
        <translation>impossible de créer %1/%2</translation>
    </message>
    <message>
        <source>cannot give the demo&apos;s mail store to nobody:nogroup: %1</source>
        <translation>impossible de donner la boîte de la démo à nobody:nogroup : %1</translation>
    </message>
    <message>
        <source>cannot start Dovecot: %1</source>
        <translation>impossible de lancer Dovecot : %1</translation>
    </message>
    <message>
        <source>Dovecot did not answer</source>
        <translation>Dovecot n’a pas répondu</translation>
    </message>
    <message>
        <source>seeding %1 failed: %2</source>
        <translation>le remplissage de %1 a échoué : %2</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions, from the tray.</source>
        <translation>Garde deux comptes IMAP identiques dans les deux sens, depuis la zone de notification.</translation>
    </message>
    <message>
        <source>Start in the tray, without opening the window.</source>
        <translation>Démarrer dans la zone de notification, sans ouvrir la fenêtre.</translation>
    </message>
    <message>
        <source>Sync two private Dovecot mail stores made for the demo, in a throw-away profile.</source>
        <translation>Synchroniser deux boîtes Dovecot privées créées pour la démo, dans un profil jetable.</translation>
    </message>
    <message>
        <source>Twinbox demo</source>
        <translation>Démo de Twinbox</translation>
    </message>
    <message>
        <source>The demo needs Dovecot&apos;s IMAP server: apt install dovecot-imapd</source>
        <translation>La démo a besoin du serveur IMAP de Dovecot : apt install dovecot-imapd</translation>
    </message>
</context>
<context>
    <name>ImapSession</name>
    <message>
        <source>the server refused the connection: %1</source>
        <translation>le serveur a refusé la connexion : %1</translation>
    </message>
    <message>
        <source>PREAUTH greeting on a plaintext connection (man in the middle?); set STARTTLS = NO to accept it</source>
        <translation>accueil PREAUTH sur une connexion non chiffrée (attaque de l’homme du milieu ?) ; mettez STARTTLS = NO pour l’accepter</translation>
    </message>
    <message>
        <source>the server does not offer STARTTLS; refusing to continue in plaintext</source>
        <translation>le serveur ne propose pas STARTTLS ; refus de continuer en clair</translation>
    </message>
    <message>
        <source>STARTTLS refused: %1</source>
        <translation>STARTTLS refusé : %1</translation>
    </message>
    <message>
        <source>missing IMAP4rev1 capability: not an IMAP4 server?</source>
        <translation>capacité IMAP4rev1 absente : ce n’est pas un serveur IMAP4 ?</translation>
    </message>
    <message>
        <source>refusing to send credentials over an unencrypted connection to %1 (use imaps or STARTTLS, or set plaintext-auth = YES)</source>
        <translation>refus d’envoyer les identifiants sur une connexion non chiffrée vers %1 (utilisez imaps ou STARTTLS, ou mettez plaintext-auth = YES)</translation>
    </message>
    <message>
        <source>COMPRESS DEFLATE refused: %1</source>
        <translation>COMPRESS DEFLATE refusé : %1</translation>
    </message>
    <message>
        <source>%1: no suitable compression algorithm offered; not compressing</source>
        <translation>%1 : aucun algorithme de compression adapté proposé ; pas de compression</translation>
    </message>
    <message>
        <source>missing option username</source>
        <translation>option username manquante</translation>
    </message>
    <message>
        <source>missing password</source>
        <translation>mot de passe manquant</translation>
    </message>
    <message>
        <source>the server disables logins on this connection (LOGINDISABLED)</source>
        <translation>le serveur interdit la connexion sur ce canal (LOGINDISABLED)</translation>
    </message>
    <message>
        <source>no common authentication mechanism (server offers: %1)</source>
        <translation>aucun mécanisme d’authentification commun (le serveur propose : %1)</translation>
    </message>
    <message>
        <source>the server ended SCRAM without proving that it knows the password</source>
        <translation>le serveur a terminé SCRAM sans prouver qu’il connaît le mot de passe</translation>
    </message>
    <message>
        <source>unsupported authentication mechanism: %1</source>
        <translation>mécanisme d’authentification non pris en charge : %1</translation>
    </message>
    <message>
        <source>login failed: %1</source>
        <translation>échec de la connexion : %1</translation>
    </message>
    <message>
        <source>the server did not enable %1</source>
        <translation>le serveur n’a pas activé %1</translation>
    </message>
</context>
<context>
    <name>IniFile</name>
    <message>
        <source>syntax error at line %1</source>
        <translation>erreur de syntaxe à la ligne %1</translation>
    </message>
</context>
<context>
    <name>InterimapImport</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1 : %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>fichier introuvable</translation>
    </message>
    <message>
        <source>not an interimap database of schema version 1</source>
        <translation>pas une base interimap de schéma version 1</translation>
    </message>
    <message>
        <source>could not commit the adopted state</source>
        <translation>impossible de valider l’état adopté</translation>
    </message>
    <message>
        <source>database: %1: cannot keep a copy as %2</source>
        <translation>database: %1 : impossible d’en garder une copie sous %2</translation>
    </message>
    <message>
        <source>database: %1: cannot replace it with the migrated state: %2</source>
        <translation>database: %1 : impossible de la remplacer par l’état migré : %2</translation>
    </message>
</context>
<context>
    <name>MailboxCommands</name>
    <message>
        <source>INBOX can&apos;t be deleted</source>
        <translation>INBOX ne peut pas être supprimée</translation>
    </message>
    <message>
        <source>Deleted mailbox</source>
        <translation>Boîte supprimée</translation>
    </message>
    <message>
        <source>Removed mailbox %1</source>
        <translation>Boîte %1 retirée</translation>
    </message>
    <message>
        <source>mailbox %1 exists; delete it first with --target=%2 --delete %1</source>
        <translation>la boîte %1 existe ; supprimez-la d’abord avec --target=%2 --delete %1</translation>
    </message>
    <message>
        <source>mailbox %1 exists; delete it first with --target=database --delete %1</source>
        <translation>la boîte %1 existe ; supprimez-la d’abord avec --target=database --delete %1</translation>
    </message>
    <message>
        <source>Renamed mailbox to %1</source>
        <translation>Boîte renommée en %1</translation>
    </message>
    <message>
        <source>Renamed mailbox %1 to %2</source>
        <translation>Boîte %1 renommée en %2</translation>
    </message>
</context>
<context>
    <name>MailboxContext</name>
    <message>
        <source>database: %1: could not commit the changes of %2: %3</source>
        <translation>database: %1 : impossible de valider les modifications de %2 : %3</translation>
    </message>
</context>
<context>
    <name>MailboxLister</name>
    <message>
        <source>the server does not support %1, which Twinbox needs</source>
        <translation>le serveur ne prend pas en charge %1, dont Twinbox a besoin</translation>
    </message>
</context>
<context>
    <name>MailboxName</name>
    <message>
        <source>the name holds &quot;%1&quot;, which is this server&apos;s hierarchy delimiter, so the mailbox cannot exist here under that name</source>
        <translation>le nom contient « %1 », qui est le séparateur de hiérarchie de ce serveur : la boîte aux lettres ne peut pas exister ici sous ce nom</translation>
    </message>
    <message>
        <source>the name has hierarchy levels, which this server&apos;s flat namespace cannot hold</source>
        <translation>le nom comporte des niveaux de hiérarchie, que l’espace de noms plat de ce serveur ne peut pas contenir</translation>
    </message>
</context>
<context>
    <name>MailboxSync</name>
    <message>
        <source>the mailbox is read-only</source>
        <translation>la boîte est en lecture seule</translation>
    </message>
    <message>
        <source>the mailbox kept changing during %1 passes; it is synced again next time</source>
        <translation>la boîte n’a cessé de changer pendant %1 passes ; elle sera resynchronisée la prochaine fois</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) already on both sides paired, not copied</source>
        <translation>
            <numerusform>%n message déjà présent des deux côtés : apparié, non copié</numerusform>
            <numerusform>%n messages déjà présents des deux côtés : appariés, non copiés</numerusform>
        </translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2: matching the messages again by Message-ID, size and date</source>
        <translation>UIDVALIDITY a changé de %1 à %2 : les messages sont de nouveau appariés par Message-ID, taille et date</translation>
    </message>
    <message numerus="yes">
        <source>Repaired: %n pair(s) re-matched, %1 copied</source>
        <translation>
            <numerusform>Réparé : %n paire réappariée, %1 copié(s)</numerusform>
            <numerusform>Réparé : %n paires réappariées, %1 copié(s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageCopier</name>
    <message>
        <source>the server sent a message body before its UID, FLAGS and INTERNALDATE</source>
        <translation>le serveur a envoyé le corps d’un message avant son UID, ses FLAGS et son INTERNALDATE</translation>
    </message>
    <message>
        <source>APPEND without APPENDUID (UIDPLUS)</source>
        <translation>APPEND sans APPENDUID (UIDPLUS)</translation>
    </message>
    <message>
        <source>APPENDUID names %1 UIDs for %2 messages</source>
        <translation>APPENDUID donne %1 UID pour %2 messages</translation>
    </message>
    <message>
        <source>the source stopped in the middle of a message</source>
        <translation>la source s’est arrêtée au milieu d’un message</translation>
    </message>
</context>
<context>
    <name>NewMessageSync</name>
    <message>
        <source>Ignoring new 0-length message (UID %1)</source>
        <translation>Nouveau message de longueur 0 ignoré (UID %1)</translation>
    </message>
    <message>
        <source>the message is empty</source>
        <translation>le message est vide</translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2 during APPEND</source>
        <translation>UIDVALIDITY est passé de %1 à %2 pendant l’APPEND</translation>
    </message>
    <message>
        <source>%1 refused the message: %2</source>
        <translation>%1 a refusé le message : %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n UID(s) %1</source>
        <translation>
            <numerusform>%n UID ajouté : %1</numerusform>
            <numerusform>%n UID ajoutés : %1</numerusform>
        </translation>
    </message>
    <message>
        <source>refused %1 UID %2 (tried again next time): %3</source>
        <translation>UID %2 de %1 refusé (nouvel essai la prochaine fois) : %3</translation>
    </message>
    <message>
        <source>%1 did not send the message&apos;s body</source>
        <translation>%1 n’a pas envoyé le corps du message</translation>
    </message>
</context>
<context>
    <name>PairLock</name>
    <message>
        <source>cannot open the lock file %1: %2</source>
        <translation>impossible d’ouvrir le fichier de verrou %1 : %2</translation>
    </message>
    <message>
        <source>already syncing (pid %1)</source>
        <translation>synchronisation déjà en cours (pid %1)</translation>
    </message>
    <message>
        <source>already syncing</source>
        <translation>synchronisation déjà en cours</translation>
    </message>
    <message>
        <source>cannot lock %1: %2</source>
        <translation>impossible de verrouiller %1 : %2</translation>
    </message>
</context>
<context>
    <name>PairProfile</name>
    <message>
        <source>Give the pair a name.</source>
        <translation>Donnez un nom à la paire.</translation>
    </message>
    <message>
        <source>A name cannot begin or end with a space.</source>
        <translation>Un nom ne peut ni commencer ni se terminer par un espace.</translation>
    </message>
    <message>
        <source>A name has at most 64 characters.</source>
        <translation>Un nom compte au plus 64 caractères.</translation>
    </message>
    <message>
        <source>A name cannot contain &quot;/&quot;, &quot;\&quot; or control characters.</source>
        <translation>Un nom ne peut contenir ni « / », ni « \ », ni caractères de contrôle.</translation>
    </message>
    <message>
        <source>A name cannot begin with a dot.</source>
        <translation>Un nom ne peut pas commencer par un point.</translation>
    </message>
    <message>
        <source>a value of pair %1 contains a line break</source>
        <translation>une valeur de la paire %1 contient un saut de ligne</translation>
    </message>
    <message>
        <source>pair %1: %2</source>
        <translation>paire %1 : %2</translation>
    </message>
</context>
<context>
    <name>PairStore</name>
    <message>
        <source>cannot write %1</source>
        <translation>impossible d’écrire %1</translation>
    </message>
</context>
<context>
    <name>PairSync</name>
    <message>
        <source>the server does not support %1, which Twinbox needs</source>
        <translation>le serveur ne prend pas en charge %1, dont Twinbox a besoin</translation>
    </message>
    <message>
        <source>Created mailbox</source>
        <translation>Boîte créée</translation>
    </message>
    <message>
        <source>the mailbox is gone on this side but still exists on %1 and in the database (deleted or renamed?); it is left alone: recreate it here, or run twinbox-cli --target=%1 --target=database --delete %2</source>
        <translation>la boîte a disparu de ce côté mais existe encore sur %1 et dans la base (supprimée ou renommée ?) ; elle est laissée en l’état : recréez-la ici, ou lancez twinbox-cli --target=%1 --target=database --delete %2</translation>
    </message>
    <message>
        <source>Deleted mailbox, as it was deleted on %1 (on-mailbox-deleted = delete)</source>
        <translation>Boîte supprimée, comme elle l’a été sur %1 (on-mailbox-deleted = delete)</translation>
    </message>
    <message>
        <source>Mailbox name contains null characters but the namespace is flat!</source>
        <translation>Le nom de boîte contient des caractères nuls mais l’espace de noms est plat !</translation>
    </message>
    <message>
        <source>Local and remote namespaces are neither both flat nor both hierarchical (local %1, remote %2).</source>
        <translation>Les espaces de noms local et distant ne sont ni tous deux plats ni tous deux hiérarchiques (local %1, distant %2).</translation>
    </message>
    <message>
        <source>the mailbox is gone on this side, but it changed on %1 since the last sync, so it is not deleted there (on-mailbox-deleted = delete); delete it by hand, or sync it back with on-mailbox-deleted = recreate</source>
        <translation>la boîte a disparu de ce côté, mais elle a changé sur %1 depuis la dernière synchronisation : elle n’y est donc pas supprimée (on-mailbox-deleted = delete) ; supprimez-la à la main, ou resynchronisez-la avec on-mailbox-deleted = recreate</translation>
    </message>
    <message>
        <source>CREATE refused: %1</source>
        <translation>CREATE refusé : %1</translation>
    </message>
    <message>
        <source>no parallel connection: %1</source>
        <translation>pas de connexion parallèle : %1</translation>
    </message>
</context>
<context>
    <name>PasswordCommand</name>
    <message>
        <source>%1: cannot start: %2</source>
        <translation>%1 : impossible de démarrer : %2</translation>
    </message>
    <message>
        <source>%1: no answer within %2 s</source>
        <translation>%1 : pas de réponse en %2 s</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2)%3</source>
        <translation>%1 a échoué (code de sortie %2)%3</translation>
    </message>
    <message>
        <source>%1 printed no password</source>
        <translation>%1 n’a affiché aucun mot de passe</translation>
    </message>
</context>
<context>
    <name>QresyncSelect</name>
    <message>
        <source>the mailbox does not support mod-sequences (NOMODSEQ), which two-way sync needs</source>
        <translation>la boîte ne prend pas en charge les mod-séquences (NOMODSEQ), nécessaires à la synchronisation bidirectionnelle</translation>
    </message>
    <message>
        <source>the mailbox has no persistent UIDs (UIDNOTSTICKY)</source>
        <translation>la boîte n’a pas d’UID persistants (UIDNOTSTICKY)</translation>
    </message>
    <message>
        <source>the server sent EXPUNGE instead of VANISHED although QRESYNC is enabled (RFC 7162 violation)</source>
        <translation>le serveur a envoyé EXPUNGE au lieu de VANISHED alors que QRESYNC est activé (violation de la RFC 7162)</translation>
    </message>
    <message>
        <source>the server did not report UIDVALIDITY and UIDNEXT on SELECT</source>
        <translation>le serveur n’a pas indiqué UIDVALIDITY et UIDNEXT lors du SELECT</translation>
    </message>
    <message>
        <source>UIDVALIDITY changed from %1 to %2</source>
        <translation>UIDVALIDITY est passé de %1 à %2</translation>
    </message>
</context>
<context>
    <name>RenameDetector</name>
    <message>
        <source>Renamed mailbox to %1, as on %2</source>
        <translation>Boîte renommée en %1, comme sur %2</translation>
    </message>
</context>
<context>
    <name>RepairPass</name>
    <message>
        <source>Missed flag update in %1 for (lUID,rUID) = (%2,%3). Repairing.</source>
        <translation>Mise à jour de drapeaux manquée dans %1 pour (lUID,rUID) = (%2,%3). Réparation.</translation>
    </message>
    <message>
        <source>Pair (lUID,rUID) = (%1,%2) vanished from %3. Repairing.</source>
        <translation>La paire (lUID,rUID) = (%1,%2) a disparu de %3. Réparation.</translation>
    </message>
    <message>
        <source>gone from both servers</source>
        <translation>disparu des deux serveurs</translation>
    </message>
    <message>
        <source>UID %1 disappeared without being reported as expunged. Copying %2 UID %3 again.</source>
        <translation>L&apos;UID %1 a disparu sans avoir été signalé comme effacé. Nouvelle copie de l&apos;UID %3 de %2.</translation>
    </message>
    <message>
        <source>its pair was lost: to be copied again</source>
        <translation>sa paire a été perdue : à recopier</translation>
    </message>
</context>
<context>
    <name>ResponseFramer</name>
    <message>
        <source>response line longer than %1 bytes</source>
        <translation>ligne de réponse de plus de %1 octets</translation>
    </message>
    <message>
        <source>line ends without CRLF</source>
        <translation>ligne terminée sans CRLF</translation>
    </message>
    <message>
        <source>response larger than %1 bytes</source>
        <translation>réponse de plus de %1 octets</translation>
    </message>
    <message>
        <source>literal size out of range</source>
        <translation>taille de littéral hors limites</translation>
    </message>
    <message>
        <source>literal of %1 bytes exceeds the limit of %2</source>
        <translation>littéral de %1 octets au-delà de la limite de %2</translation>
    </message>
</context>
<context>
    <name>ResponseParser</name>
    <message>
        <source>invalid UID set</source>
        <translation>ensemble d’UID invalide</translation>
    </message>
    <message>
        <source>COPYUID with sets of different sizes</source>
        <translation>COPYUID avec des ensembles de tailles différentes</translation>
    </message>
    <message>
        <source>invalid hierarchy delimiter</source>
        <translation>séparateur de hiérarchie invalide</translation>
    </message>
    <message>
        <source>invalid INTERNALDATE</source>
        <translation>INTERNALDATE invalide</translation>
    </message>
    <message>
        <source>expected TAG</source>
        <translation>TAG attendu</translation>
    </message>
    <message>
        <source>EXPUNGE of message 0</source>
        <translation>EXPUNGE du message 0</translation>
    </message>
    <message>
        <source>FETCH of message 0</source>
        <translation>FETCH du message 0</translation>
    </message>
    <message>
        <source>unknown response</source>
        <translation>réponse inconnue</translation>
    </message>
    <message>
        <source>expected EARLIER</source>
        <translation>EARLIER attendu</translation>
    </message>
    <message>
        <source>expected MODSEQ</source>
        <translation>MODSEQ attendu</translation>
    </message>
    <message>
        <source>expected OK, NO or BAD after the tag</source>
        <translation>OK, NO ou BAD attendu après l’étiquette</translation>
    </message>
    <message>
        <source>unexpected data at the end of the response</source>
        <translation>données inattendues en fin de réponse</translation>
    </message>
    <message>
        <source>expected FETCH</source>
        <translation>FETCH attendu</translation>
    </message>
</context>
<context>
    <name>ResponseTokenizer</name>
    <message>
        <source>expected a space</source>
        <translation>espace attendu</translation>
    </message>
    <message>
        <source>expected “%1”</source>
        <translation>« %1 » attendu</translation>
    </message>
    <message>
        <source>expected an atom</source>
        <translation>atome attendu</translation>
    </message>
    <message>
        <source>expected a FETCH item</source>
        <translation>élément FETCH attendu</translation>
    </message>
    <message>
        <source>expected a tag</source>
        <translation>étiquette attendue</translation>
    </message>
    <message>
        <source>number out of range</source>
        <translation>nombre hors limites</translation>
    </message>
    <message>
        <source>expected a number</source>
        <translation>nombre attendu</translation>
    </message>
    <message>
        <source>zero where a positive number is required</source>
        <translation>zéro là où un nombre positif est requis</translation>
    </message>
    <message>
        <source>malformed literal</source>
        <translation>littéral mal formé</translation>
    </message>
    <message>
        <source>response ends inside a literal</source>
        <translation>réponse terminée au milieu d’un littéral</translation>
    </message>
    <message>
        <source>unterminated quoted string</source>
        <translation>chaîne entre guillemets non terminée</translation>
    </message>
    <message>
        <source>invalid escape in quoted string</source>
        <translation>échappement invalide dans une chaîne entre guillemets</translation>
    </message>
    <message>
        <source>NUL byte in quoted string</source>
        <translation>octet NUL dans une chaîne entre guillemets</translation>
    </message>
    <message>
        <source>message body where a string was expected</source>
        <translation>corps de message là où une chaîne était attendue</translation>
    </message>
    <message>
        <source>expected a string</source>
        <translation>chaîne attendue</translation>
    </message>
    <message>
        <source>expected a string or NIL</source>
        <translation>chaîne ou NIL attendu</translation>
    </message>
    <message>
        <source>missing “]”</source>
        <translation>« ] » manquant</translation>
    </message>
    <message>
        <source>lists nested too deeply</source>
        <translation>listes imbriquées trop profondément</translation>
    </message>
    <message>
        <source>unexpected character</source>
        <translation>caractère inattendu</translation>
    </message>
</context>
<context>
    <name>ScramClient</name>
    <message>
        <source>the server requires a SCRAM extension Twinbox does not know</source>
        <translation>le serveur exige une extension SCRAM que Twinbox ne connaît pas</translation>
    </message>
    <message>
        <source>malformed SCRAM challenge</source>
        <translation>défi SCRAM mal formé</translation>
    </message>
    <message>
        <source>the server asks for %1 SCRAM iterations, more than %2</source>
        <translation>le serveur demande %1 itérations SCRAM, plus que %2</translation>
    </message>
    <message>
        <source>the server refused the SCRAM exchange: %1</source>
        <translation>le serveur a refusé l’échange SCRAM : %1</translation>
    </message>
    <message>
        <source>the server could not prove that it knows the password (SCRAM server signature)</source>
        <translation>le serveur n’a pas pu prouver qu’il connaît le mot de passe (signature SCRAM du serveur)</translation>
    </message>
    <message>
        <source>the SCRAM key could not be derived</source>
        <translation>la clé SCRAM n’a pas pu être dérivée</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>no password stored in the keychain</source>
        <translation>aucun mot de passe enregistré dans le trousseau</translation>
    </message>
    <message>
        <source>the keychain is not available (%1); install and unlock gnome-keyring or KWallet</source>
        <translation>le trousseau n’est pas disponible (%1) ; installez et déverrouillez gnome-keyring ou KWallet</translation>
    </message>
    <message>
        <source>%1 is missing from the installation</source>
        <translation>%1 est absent de l’installation</translation>
    </message>
    <message>
        <source>the keychain cannot be used: %1</source>
        <translation>le trousseau ne peut pas être utilisé : %1</translation>
    </message>
</context>
<context>
    <name>StateDatabase</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1 : %2</translation>
    </message>
    <message>
        <source>database: %1: not a usable SQLite database (%2)</source>
        <translation>database: %1 : pas une base SQLite utilisable (%2)</translation>
    </message>
    <message>
        <source>database: %1: written by a newer Twinbox (schema %2, this one knows up to %3); refusing to touch it</source>
        <translation>database: %1 : écrite par un Twinbox plus récent (schéma %2, celui-ci connaît jusqu’à %3) ; elle ne sera pas modifiée</translation>
    </message>
    <message>
        <source>database: %1: broken references after migration %2; nothing was changed</source>
        <translation>database: %1 : références rompues après la migration %2 ; rien n’a été modifié</translation>
    </message>
    <message>
        <source>database: %1: not a Twinbox state database (nor an interimap one, which would be migrated); refusing to touch it</source>
        <translation>database: %1 : pas une base d’état Twinbox (ni une base interimap, qui serait migrée) ; refus d’y toucher</translation>
    </message>
    <message>
        <source>database: %1: damaged (%2); refusing to touch it. Move it away to start afresh: what both sides already hold is then paired again, not copied</source>
        <translation>database: %1 : endommagée (%2) ; elle ne sera pas modifiée. Déplacez-la pour repartir de zéro : ce que les deux côtés ont déjà sera de nouveau apparié, pas copié</translation>
    </message>
</context>
<context>
    <name>StateStore</name>
    <message>
        <source>database: %1: %2</source>
        <translation>database: %1 : %2</translation>
    </message>
</context>
<context>
    <name>SubscriptionSync</name>
    <message>
        <source>Subscribed</source>
        <translation>Abonné</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Désabonné</translation>
    </message>
</context>
<context>
    <name>SyncConfig</name>
    <message>
        <source>no such config file %1</source>
        <translation>fichier de configuration %1 introuvable</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 holds a password and can be read by other users; chmod 600 it, or use password-command or the keychain</source>
        <translation>%1 contient un mot de passe et est lisible par d’autres utilisateurs ; faites chmod 600, ou utilisez password-command ou le trousseau</translation>
    </message>
    <message>
        <source>no section [%1]</source>
        <translation>section [%1] absente</translation>
    </message>
    <message>
        <source>line %1: unknown option %2</source>
        <translation>ligne %1 : option inconnue %2</translation>
    </message>
    <message>
        <source>line %1: invalid value for %2%3</source>
        <translation>ligne %1 : valeur invalide pour %2%3</translation>
    </message>
    <message>
        <source>line %1: %2 is read from the top of the file only; ignored in [%3]</source>
        <translation>ligne %1 : %2 n’est lu qu’en tête du fichier ; ignoré dans [%3]</translation>
    </message>
    <message>
        <source>line %1: unknown section [%2]</source>
        <translation>ligne %1 : section inconnue [%2]</translation>
    </message>
    <message>
        <source>invalid value for port: %1</source>
        <translation>valeur invalide pour port : %1</translation>
    </message>
    <message>
        <source>[%1]: type = tunnel needs a command</source>
        <translation>[%1] : type = tunnel exige une command</translation>
    </message>
    <message>
        <source>[%1]: SSL_protocols is deprecated and ignored; use SSL_protocol_min/max</source>
        <translation>[%1] : SSL_protocols est obsolète et ignoré ; utilisez SSL_protocol_min/max</translation>
    </message>
    <message>
        <source>invalid value for list-mailbox: %1</source>
        <translation>valeur invalide pour list-mailbox : %1</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>%1 is no longer supported; the oldest protocol is TLSv1.2</source>
        <translation>%1 n’est plus pris en charge ; le plus ancien protocole accepté est TLSv1.2</translation>
    </message>
    <message>
        <source>unknown TLS protocol version: %1</source>
        <translation>version de protocole TLS inconnue : %1</translation>
    </message>
    <message>
        <source>no certificate found in SSL_CAfile/SSL_CApath</source>
        <translation>aucun certificat trouvé dans SSL_CAfile/SSL_CApath</translation>
    </message>
    <message>
        <source>SSL_protocol_min is above SSL_protocol_max</source>
        <translation>SSL_protocol_min est supérieur à SSL_protocol_max</translation>
    </message>
    <message>
        <source>timed out</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>certificat TLS refusé : %1</translation>
    </message>
    <message>
        <source> (server key %1; to trust it, set SSL_fingerprint = %1)</source>
        <translation> (clé du serveur %1 ; pour lui faire confiance, mettez SSL_fingerprint = %1)</translation>
    </message>
    <message>
        <source>cannot connect to %1:%2: %3</source>
        <translation>connexion impossible à %1:%2 : %3</translation>
    </message>
    <message>
        <source>the server&apos;s key %1 matches no SSL_fingerprint: refusing the connection (man in the middle?)</source>
        <translation>la clé du serveur %1 ne correspond à aucune SSL_fingerprint : connexion refusée (attaque de l’homme du milieu ?)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>missing tunnel command</source>
        <translation>commande de tunnel manquante</translation>
    </message>
    <message>
        <source>cannot start the tunnel command: %1</source>
        <translation>impossible de lancer la commande de tunnel : %1</translation>
    </message>
    <message>
        <source>unsupported proxy (only socks5:// and socks5h://): %1</source>
        <translation>proxy non pris en charge (seulement socks5:// et socks5h://) : %1</translation>
    </message>
    <message>
        <source>The server&apos;s key is not one of the keys trusted for it.</source>
        <translation>La clé du serveur ne fait pas partie des clés approuvées pour lui.</translation>
    </message>
    <message>
        <source> (asked for %1; the certificate is for %2)</source>
        <translation> (demandé : %1 ; le certificat est pour %2)</translation>
    </message>
    <message>
        <source>not connected: the run ended before it needed the server</source>
        <translation>non connecté : l’exécution s’est terminée avant d’avoir besoin du serveur</translation>
    </message>
</context>
<context>
    <name>twinbox::AccountPage</name>
    <message>
        <source>&amp;Test connection</source>
        <translation>Tester la &amp;connexion</translation>
    </message>
    <message>
        <source>First account</source>
        <translation>Premier compte</translation>
    </message>
    <message>
        <source>The first of the two accounts to keep identical, for example the one you have had for longest.</source>
        <translation>Le premier des deux comptes à garder identiques, par exemple celui que vous avez depuis le plus longtemps.</translation>
    </message>
    <message>
        <source>Second account</source>
        <translation>Deuxième compte</translation>
    </message>
    <message>
        <source>The account to keep identical with the first one.</source>
        <translation>Le compte à garder identique au premier.</translation>
    </message>
    <message>
        <source>User name or email address</source>
        <translation>Nom d’utilisateur ou adresse e-mail</translation>
    </message>
    <message>
        <source>e.g. alice@example.net</source>
        <translation>p. ex. alice@example.net</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
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
        <translation>Commande de tunnel</translation>
    </message>
    <message>
        <source>IMAP server</source>
        <translation>Serveur IMAP</translation>
    </message>
    <message>
        <source>e.g. imap.example.net</source>
        <translation>p. ex. imap.example.net</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>e.g. ssh mail.example.net dovecot exec imap</source>
        <translation>p. ex. ssh mail.example.net dovecot exec imap</translation>
    </message>
    <message>
        <source>A command that speaks IMAP on its standard input and output, already logged in.</source>
        <translation>Une commande qui parle IMAP sur son entrée et sa sortie standard, déjà authentifiée.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Résultat du test de connexion</translation>
    </message>
    <message>
        <source>What the server offers and lacks</source>
        <translation>Ce que le serveur propose et ce qui lui manque</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nom d’&amp;utilisateur :</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>Sécu&amp;rité :</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>Ser&amp;veur :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>Tunnel &amp;command:</source>
        <translation>Comman&amp;de de tunnel :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>Type the tunnel command first.</source>
        <translation>Saisissez d’abord la commande de tunnel.</translation>
    </message>
    <message>
        <source>Type the user name and the server first.</source>
        <translation>Saisissez d’abord le nom d’utilisateur et le serveur.</translation>
    </message>
    <message>
        <source>These settings cannot be used: %1</source>
        <translation>Ces paramètres ne sont pas utilisables : %1</translation>
    </message>
    <message>
        <source>Type the password first.</source>
        <translation>Saisissez d’abord le mot de passe.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion en cours…</translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted.</source>
        <translation>Le certificat du serveur n’est pas reconnu comme fiable.</translation>
    </message>
    <message>
        <source>Connected and logged in: this account can be synced.</source>
        <translation>Connecté et authentifié : ce compte peut être synchronisé.</translation>
    </message>
    <message>
        <source>Connected and logged in, but this server cannot be synced both ways.</source>
        <translation>Connecté et authentifié, mais ce serveur ne peut pas être synchronisé dans les deux sens.</translation>
    </message>
</context>
<context>
    <name>twinbox::ActivityLogModel</name>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Paire</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>twinbox::CertificatePanel</name>
    <message>
        <source>Why the certificate is not trusted</source>
        <translation>Pourquoi le certificat n’est pas reconnu comme fiable</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint of the server&apos;s key</source>
        <translation>Empreinte SHA-256 de la clé du serveur</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Délivré à</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <source>T&amp;rust this certificate</source>
        <translation>&amp;Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Trust this certificate</source>
        <translation>Faire confiance à ce certificat</translation>
    </message>
    <message>
        <source>Connect to this server from now on as long as it shows this key, even though no certificate authority vouches for it.</source>
        <translation>Désormais, se connecter à ce serveur tant qu’il présente cette clé, même si aucune autorité de certification ne s’en porte garante.</translation>
    </message>
    <message>
        <source>Key fingerprint (SHA-256):</source>
        <translation>Empreinte de la clé (SHA-256) :</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>Délivré à :</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>Délivré par :</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>Validité :</translation>
    </message>
    <message>
        <source>%1
Trust it only if the fingerprint below is the one your mail provider or administrator gives.</source>
        <translation>%1
Ne lui faites confiance que si l’empreinte ci-dessous est celle que donne votre fournisseur de messagerie ou votre administrateur.</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>du %1 au %2</translation>
    </message>
</context>
<context>
    <name>twinbox::IssueListModel</name>
    <message>
        <source>Flags changed on both sides: %1</source>
        <translation>Drapeaux modifiés des deux côtés : %1</translation>
    </message>
    <message>
        <source>Deleted on one side while changed on the other: %1</source>
        <translation>Supprimé d’un côté, modifié de l’autre : %1</translation>
    </message>
    <message>
        <source>Decision needed: %1</source>
        <translation>Décision requise : %1</translation>
    </message>
    <message>
        <source>A server refused the message: %1</source>
        <translation>Un serveur a refusé le message : %1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s’est passé</translation>
    </message>
    <message>
        <source>From: %1
Date: %2</source>
        <translation>De : %1
Date : %2</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(sans objet)</translation>
    </message>
    <message>
        <source>%1 — from %2</source>
        <translation>%1 — de %2</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>twinbox::MailboxProgressModel</name>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Up to date</source>
        <translation>À jour</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Applying changes</source>
        <translation>Application des changements</translation>
    </message>
    <message>
        <source>Copying messages</source>
        <translation>Copie des messages</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>%1 percent</source>
        <translation>%1 pour cent</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Boîte aux lettres</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>Étape</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Flag changes</source>
        <translation>Changements de drapeaux</translation>
    </message>
    <message>
        <source>Expunged</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>%1/%2 · %3</source>
        <translation>%1/%2 · %3</translation>
    </message>
    <message>
        <source>Not synced this time</source>
        <translation>Pas synchronisée cette fois</translation>
    </message>
</context>
<context>
    <name>twinbox::MailboxSelectionPage</name>
    <message>
        <source>Also sync mailboxes matching these patterns</source>
        <translation>Synchroniser aussi les boîtes aux lettres correspondant à ces motifs</translation>
    </message>
    <message>
        <source>Never sync mailboxes matching these patterns</source>
        <translation>Ne jamais synchroniser les boîtes aux lettres correspondant à ces motifs</translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation>Boîtes aux lettres</translation>
    </message>
    <message>
        <source>Tick the mailboxes to keep identical. Leave all of them ticked to sync every mailbox, including the ones created later.</source>
        <translation>Cochez les boîtes aux lettres à garder identiques. Laissez-les toutes cochées pour synchroniser toutes les boîtes aux lettres, y compris celles créées plus tard.</translation>
    </message>
    <message>
        <source>Mailboxes to sync</source>
        <translation>Boîtes aux lettres à synchroniser</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Tout &amp;cocher</translation>
    </message>
    <message>
        <source>Tick all mailboxes</source>
        <translation>Cocher toutes les boîtes aux lettres</translation>
    </message>
    <message>
        <source>&amp;Untick all</source>
        <translation>Tout &amp;décocher</translation>
    </message>
    <message>
        <source>Untick all mailboxes</source>
        <translation>Décocher toutes les boîtes aux lettres</translation>
    </message>
    <message>
        <source>Also &amp;include mailboxes matching (one per line, * and % as wildcards):</source>
        <translation>&amp;Inclure aussi les boîtes aux lettres correspondant à (un motif par ligne, * et % comme jokers) :</translation>
    </message>
    <message>
        <source>&amp;Exclude mailboxes matching (one per line, e.g. Spam or Archive/*):</source>
        <translation>&amp;Exclure les boîtes aux lettres correspondant à (un motif par ligne, p. ex. Spam ou Archive/*) :</translation>
    </message>
    <message>
        <source>Reading the list of mailboxes…</source>
        <translation>Lecture de la liste des boîtes aux lettres…</translation>
    </message>
    <message>
        <source>Some mailboxes may be missing from this list: %1</source>
        <translation>Il se peut que des boîtes aux lettres manquent dans cette liste : %1</translation>
    </message>
    <message>
        <source>Test the connections to see the mailboxes of both accounts.</source>
        <translation>Testez les connexions pour voir les boîtes aux lettres des deux comptes.</translation>
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
        <translation>Aucune paire de comptes pour l’instant.</translation>
    </message>
    <message>
        <source>Add an account pair…</source>
        <translation>Ajouter une paire de comptes…</translation>
    </message>
    <message>
        <source>Add an account pair</source>
        <translation>Ajouter une paire de comptes</translation>
    </message>
    <message>
        <source>Account pairs</source>
        <translation>Paires de comptes</translation>
    </message>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>&amp;Boîtes aux lettres</translation>
    </message>
    <message>
        <source>&amp;Conflicts and issues</source>
        <translation>&amp;Conflits et problèmes</translation>
    </message>
    <message>
        <source>A&amp;ctivity</source>
        <translation>&amp;Activité</translation>
    </message>
    <message>
        <source>All pairs</source>
        <translation>Toutes les paires</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Paramètres…</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Progression globale</translation>
    </message>
    <message>
        <source>Mailboxes of the selected pair</source>
        <translation>Boîtes aux lettres de la paire sélectionnée</translation>
    </message>
    <message>
        <source>Conflicts and issues of the selected pair</source>
        <translation>Conflits et problèmes de la paire sélectionnée</translation>
    </message>
    <message>
        <source>Delete the mailbox on the other side too</source>
        <translation>Supprimer aussi la boîte aux lettres de l’autre côté</translation>
    </message>
    <message>
        <source>Create the mailbox again</source>
        <translation>Recréer la boîte aux lettres</translation>
    </message>
    <message>
        <source>Mark as seen</source>
        <translation>Marquer comme vu</translation>
    </message>
    <message>
        <source>Show the activity of</source>
        <translation>Afficher l’activité de</translation>
    </message>
    <message>
        <source>Lowest level shown</source>
        <translation>Niveau minimal affiché</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>Avertissements et erreurs</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Tout</translation>
    </message>
    <message>
        <source>Everything with the protocol</source>
        <translation>Tout, avec le protocole</translation>
    </message>
    <message>
        <source>Activity log</source>
        <translation>Journal d’activité</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>moins d’une minute restante</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>environ %n minute restante</numerusform>
            <numerusform>environ %n minutes restantes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>environ %n heure restante</numerusform>
            <numerusform>environ %n heures restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Twinbox, and syncing stops until it is started again.</source>
        <translation>Ce bureau n’a pas de zone de notification : fermer la fenêtre quitte Twinbox, et la synchronisation s’arrête jusqu’à son prochain démarrage.</translation>
    </message>
    <message numerus="yes">
        <source>%n open issue(s)</source>
        <translation>
            <numerusform>%n problème ouvert</numerusform>
            <numerusform>%n problèmes ouverts</numerusform>
        </translation>
    </message>
    <message>
        <source>next sync at %1</source>
        <translation>prochaine synchronisation à %1</translation>
    </message>
</context>
<context>
    <name>twinbox::PairListModel</name>
    <message>
        <source>Idle</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Synchronisation en cours</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>Account pair</source>
        <translation>Paire de comptes</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Dernière synchronisation</translation>
    </message>
    <message>
        <source>Next sync</source>
        <translation>Prochaine synchronisation</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Demande votre attention</translation>
    </message>
</context>
<context>
    <name>twinbox::PairNamePage</name>
    <message>
        <source>Edit the account pair</source>
        <translation>Modifier la paire de comptes</translation>
    </message>
    <message>
        <source>Name the account pair</source>
        <translation>Nommer la paire de comptes</translation>
    </message>
    <message>
        <source>Twinbox keeps two mail accounts identical in both directions. The name tells this pair apart from the others.</source>
        <translation>Twinbox garde deux comptes de messagerie identiques dans les deux sens. Le nom permet de distinguer cette paire des autres.</translation>
    </message>
    <message>
        <source>Pair name</source>
        <translation>Nom de la paire</translation>
    </message>
    <message>
        <source>e.g. Home and work</source>
        <translation>p. ex. Maison et travail</translation>
    </message>
    <message>
        <source>Problem with the name</source>
        <translation>Problème avec le nom</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>There is already a pair named &quot;%1&quot;.</source>
        <translation>Il existe déjà une paire nommée « %1 ».</translation>
    </message>
</context>
<context>
    <name>twinbox::PairWizard</name>
    <message>
        <source>Edit Account Pair</source>
        <translation>Modifier la paire de comptes</translation>
    </message>
    <message>
        <source>Add Account Pair</source>
        <translation>Ajouter une paire de comptes</translation>
    </message>
</context>
<context>
    <name>twinbox::SchedulePage</name>
    <message>
        <source>Sync as soon as a server &amp;announces a change</source>
        <translation>Synchroniser dès qu’un serveur &amp;annonce un changement</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Planification</translation>
    </message>
    <message>
        <source>How often Twinbox syncs this pair while it runs.</source>
        <translation>À quelle fréquence Twinbox synchronise cette paire pendant qu’il tourne.</translation>
    </message>
    <message>
        <source>Minutes between syncs</source>
        <translation>Minutes entre deux synchronisations</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Sync as soon as a server announces a change</source>
        <translation>Synchroniser dès qu’un serveur annonce un changement</translation>
    </message>
    <message>
        <source>Works with servers that offer NOTIFY or IDLE; the others are synced on schedule.</source>
        <translation>Fonctionne avec les serveurs qui proposent NOTIFY ou IDLE ; les autres sont synchronisés selon la planification.</translation>
    </message>
    <message>
        <source>Sync &amp;every:</source>
        <translation>Synchroniser toutes &amp;les :</translation>
    </message>
</context>
<context>
    <name>twinbox::SettingsDialog</name>
    <message>
        <source>&amp;Start Twinbox when I log in</source>
        <translation>&amp;Démarrer Twinbox à l’ouverture de ma session</translation>
    </message>
    <message>
        <source>Start &amp;minimised in the tray</source>
        <translation>Démarrer &amp;réduit dans la zone de notification</translation>
    </message>
    <message>
        <source>Twinbox Settings</source>
        <translation>Paramètres de Twinbox</translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation>Démarrage à l’ouverture de session</translation>
    </message>
    <message>
        <source>Starting at login is not supported on this system yet.</source>
        <translation>Le démarrage à l’ouverture de session n’est pas encore pris en charge sur ce système.</translation>
    </message>
    <message>
        <source>Start minimised</source>
        <translation>Démarrer réduit</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language changes when Twinbox starts again.</source>
        <translation>La langue change au prochain démarrage de Twinbox.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
</context>
<context>
    <name>twinbox::TrayIcon</name>
    <message>
        <source>Sync all now</source>
        <translation>Tout synchroniser maintenant</translation>
    </message>
    <message>
        <source>Open Twinbox</source>
        <translation>Ouvrir Twinbox</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Resume all</source>
        <translation>Tout reprendre</translation>
    </message>
    <message>
        <source>Pause all</source>
        <translation>Tout mettre en pause</translation>
    </message>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation>
            <numerusform>(et %n autre)</numerusform>
            <numerusform>(et %n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>twinbox::TwinboxApp</name>
    <message>
        <source>Twinbox keeps running</source>
        <translation>Twinbox continue de tourner</translation>
    </message>
    <message>
        <source>Your account pairs go on syncing in the background. Quit Twinbox from the tray icon&apos;s menu.</source>
        <translation>Vos paires de comptes continuent d’être synchronisées en arrière-plan. Pour quitter Twinbox, passez par le menu de son icône dans la zone de notification.</translation>
    </message>
    <message>
        <source>No keychain is available (%1), so Twinbox cannot remember this password. It is kept in memory until Twinbox quits, and asked again at the next start.</source>
        <translation>Aucun trousseau de clés n’est disponible (%1) : Twinbox ne peut donc pas retenir ce mot de passe. Il est gardé en mémoire jusqu’à la fermeture de Twinbox, et redemandé au prochain démarrage.</translation>
    </message>
    <message>
        <source>The keychain holds no password for this account.</source>
        <translation>Le trousseau de clés ne contient aucun mot de passe pour ce compte.</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>Mot de passe pour %1</translation>
    </message>
    <message>
        <source>Password of the first account (local) of %1:</source>
        <translation>Mot de passe du premier compte (local) de %1 :</translation>
    </message>
    <message>
        <source>Password of the second account (remote) of %1:</source>
        <translation>Mot de passe du deuxième compte (remote) de %1 :</translation>
    </message>
    <message>
        <source>%1 is not started: no password for its %2 account.</source>
        <translation>La paire %1 n’est pas démarrée : aucun mot de passe pour son compte %2.</translation>
    </message>
    <message>
        <source>Conflict in %1</source>
        <translation>Conflit dans %1</translation>
    </message>
    <message>
        <source>A message in %1 was changed on both sides; see Conflicts and issues.</source>
        <translation>Un message de %1 a été modifié des deux côtés ; voir Conflits et problèmes.</translation>
    </message>
    <message>
        <source>%1 cannot sync</source>
        <translation>Impossible de synchroniser %1</translation>
    </message>
    <message>
        <source>No keychain is available (%1). The passwords of %2 are kept in memory until Twinbox quits, and asked again at the next start; they are never written to a file.</source>
        <translation>Aucun trousseau de clés n’est disponible (%1). Les mots de passe de %2 sont gardés en mémoire jusqu’à la fermeture de Twinbox, et redemandés au prochain démarrage ; ils ne sont jamais écrits dans un fichier.</translation>
    </message>
    <message numerus="yes">
        <source>%n account pair(s)</source>
        <translation>
            <numerusform>%n paire de comptes</numerusform>
            <numerusform>%n paires de comptes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n syncing: %1%</source>
        <translation>
            <numerusform>%n en synchronisation : %1 %</numerusform>
            <numerusform>%n en synchronisation : %1 %</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paused</source>
        <translation>
            <numerusform>%n en pause</numerusform>
            <numerusform>%n en pause</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>Remove the account pair %1? Twinbox stops syncing it and forgets its state and passwords; the mail on both servers stays as it is.</source>
        <translation>Supprimer la paire de comptes %1 ? Twinbox cesse de la synchroniser et oublie son état et ses mots de passe ; le courrier reste tel quel sur les deux serveurs.</translation>
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
        <translation>pas de réponse du serveur depuis %1 s</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>le serveur a fermé la connexion</translation>
    </message>
    <message>
        <source>tunnel command failed: %1</source>
        <translation>échec de la commande de tunnel : %1</translation>
    </message>
    <message>
        <source>connection closed</source>
        <translation>connexion fermée</translation>
    </message>
    <message>
        <source>%1 refused: %2 %3</source>
        <translation>%1 refusé : %2 %3</translation>
    </message>
    <message>
        <source>[%1 bytes before the TLS handshake discarded]</source>
        <translation>[%1 octets reçus avant la négociation TLS ignorés]</translation>
    </message>
    <message>
        <source>corrupt compressed data</source>
        <translation>données compressées corrompues</translation>
    </message>
    <message>
        <source>reply with an unknown tag: %1</source>
        <translation>réponse avec une étiquette inconnue : %1</translation>
    </message>
    <message>
        <source>unexpected continuation request</source>
        <translation>demande de continuation inattendue</translation>
    </message>
    <message>
        <source>the server sent EXPUNGE instead of VANISHED although QRESYNC is enabled (RFC 7162 violation)</source>
        <translation>le serveur a envoyé EXPUNGE au lieu de VANISHED alors que QRESYNC est activé (violation de la RFC 7162)</translation>
    </message>
</context>
<context>
    <name>twinbox::imap::ProtocolError</name>
    <message>
        <source>%1 near: «%2»</source>
        <translation>%1 près de : « %2 »</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::ServerWatch</name>
    <message>
        <source>IDLE failed: %1</source>
        <translation>IDLE a échoué : %1</translation>
    </message>
    <message>
        <source>the server is closing the connection: %1</source>
        <translation>le serveur ferme la connexion : %1</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::SyncJob</name>
    <message>
        <source>no password: set password-command in the configuration, or store the password in the keychain (%1)</source>
        <translation>pas de mot de passe : définissez password-command dans la configuration, ou enregistrez le mot de passe dans le trousseau (%1)</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n mailbox(es): </source>
        <translation>
            <numerusform>%n boîte synchronisée : </numerusform>
            <numerusform>%n boîtes synchronisées : </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) copied, </source>
        <translation>
            <numerusform>%n message copié, </numerusform>
            <numerusform>%n messages copiés, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n flag update(s), </source>
        <translation>
            <numerusform>%n mise à jour de drapeaux, </numerusform>
            <numerusform>%n mises à jour de drapeaux, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n expunge(s), </source>
        <translation>
            <numerusform>%n suppression, </numerusform>
            <numerusform>%n suppressions, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s), </source>
        <translation>
            <numerusform>%n conflit, </numerusform>
            <numerusform>%n conflits, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused, </source>
        <translation>
            <numerusform>%n refusé, </numerusform>
            <numerusform>%n refusés, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failure(s)</source>
        <translation>
            <numerusform>%n échec</numerusform>
            <numerusform>%n échecs</numerusform>
        </translation>
    </message>
    <message>
        <source>cannot create the directory of %1</source>
        <translation>impossible de créer le dossier de %1</translation>
    </message>
    <message numerus="yes">
        <source>adopted interimap&apos;s state from %1: %n mailbox(es), %2 message(s); that file is left as it was</source>
        <translation>
            <numerusform>état d’interimap adopté depuis %1 : %n boîte, %2 message(s) ; ce fichier reste tel quel</numerusform>
            <numerusform>état d’interimap adopté depuis %1 : %n boîtes, %2 message(s) ; ce fichier reste tel quel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; connecting again in %n second(s)</source>
        <translation>
            <numerusform>%1 ; nouvelle connexion dans %n seconde</numerusform>
            <numerusform>%1 ; nouvelle connexion dans %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>arrêté</translation>
    </message>
    <message numerus="yes">
        <source>%1 was interimap&apos;s database: migrated to Twinbox with %n mailbox(es) and %2 message(s); interimap&apos;s file is kept as %3</source>
        <translation>
            <numerusform>%1 était la base d’interimap : migrée vers Twinbox avec %n boîte et %2 message(s) ; le fichier d’interimap est conservé sous %3</numerusform>
            <numerusform>%1 était la base d’interimap : migrée vers Twinbox avec %n boîtes et %2 message(s) ; le fichier d’interimap est conservé sous %3</numerusform>
        </translation>
    </message>
    <message>
        <source>NOTIFY is not offered by both servers</source>
        <translation>NOTIFY n’est pas proposé par les deux serveurs</translation>
    </message>
    <message numerus="yes">
        <source>%1: waiting with IDLE on INBOX and listing every %n second(s)</source>
        <translation>
            <numerusform>%1 : attente avec IDLE sur INBOX et liste toutes les %n seconde</numerusform>
            <numerusform>%1 : attente avec IDLE sur INBOX et liste toutes les %n secondes</numerusform>
        </translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>la connexion a été perdue</translation>
    </message>
</context>
<context>
    <name>twinbox::sync::SyncLogWriter</name>
    <message>
        <source>Can&apos;t open %1: %2</source>
        <translation>Impossible d’ouvrir %1 : %2</translation>
    </message>
    <message>
        <source>copied %1 of %2 message(s), %3 of %4 MB</source>
        <translation>%1 message(s) sur %2 copié(s), %3 Mo sur %4</translation>
    </message>
</context>
</TS>
