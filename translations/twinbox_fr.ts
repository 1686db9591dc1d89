<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>CliMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions (QRESYNC, RFC 7162).</source>
        <translation>Garde deux comptes IMAP identiques dans les deux sens (QRESYNC, RFC 7162).</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions, from the tray.</source>
        <translation>Garde deux comptes IMAP identiques dans les deux sens, depuis la zone de notification.</translation>
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
    <name>twinbox::MainWindow</name>
    <message>
        <source>Twinbox</source>
        <translation>Twinbox</translation>
    </message>
    <message>
        <source>No account pair yet.</source>
        <translation>Aucune paire de comptes pour l’instant.</translation>
    </message>
</context>
<context>
    <name>twinbox::imap::ProtocolError</name>
    <message>
        <source>%1 near: «%2»</source>
        <translation>%1 près de : « %2 »</translation>
    </message>
</context>
</TS>
