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
</TS>
