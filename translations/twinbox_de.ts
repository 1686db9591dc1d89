<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>CliMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions (QRESYNC, RFC 7162).</source>
        <translation>Hält zwei IMAP-Konten in beide Richtungen identisch (QRESYNC, RFC 7162).</translation>
    </message>
</context>
<context>
    <name>GuiMain</name>
    <message>
        <source>Keeps two IMAP accounts identical in both directions, from the tray.</source>
        <translation>Hält zwei IMAP-Konten in beide Richtungen identisch, aus dem Infobereich.</translation>
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
    <name>twinbox::MainWindow</name>
    <message>
        <source>Twinbox</source>
        <translation>Twinbox</translation>
    </message>
    <message>
        <source>No account pair yet.</source>
        <translation>Noch kein Kontenpaar.</translation>
    </message>
</context>
<context>
    <name>twinbox::imap::ProtocolError</name>
    <message>
        <source>%1 near: «%2»</source>
        <translation>%1 bei: „%2“</translation>
    </message>
</context>
</TS>
