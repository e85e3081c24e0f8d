<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AssetCommands</name>
    <message>
        <source>%1 needs --workspace DIR</source>
        <translation>%1 erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>%1: cannot open the workspace %2: %3</source>
        <translation>%1: Der Arbeitsbereich %2 kann nicht geöffnet werden: %3</translation>
    </message>
    <message>
        <source>%1: nothing to change</source>
        <translation>%1: nichts zu ändern</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>asset needs create, set, deactivate or activate (try --help)</source>
        <translation>asset erfordert create, set, deactivate oder activate (siehe --help)</translation>
    </message>
    <message>
        <source>asset: unknown subcommand &apos;%1&apos; (create, set, deactivate, activate)</source>
        <translation>asset: unbekannter Unterbefehl &apos;%1&apos; (create, set, deactivate, activate)</translation>
    </message>
    <message>
        <source>asset create needs name=NAME [field=value...] (try --help)</source>
        <translation>asset create erfordert name=NAME [field=value...] (siehe --help)</translation>
    </message>
    <message>
        <source>asset set needs an asset id and field=value... (try --help)</source>
        <translation>asset set erfordert eine Anlagen-ID und field=value... (siehe --help)</translation>
    </message>
    <message>
        <source>%1 takes one asset id (try --help)</source>
        <translation>%1 erwartet genau eine Anlagen-ID (siehe --help)</translation>
    </message>
    <message>
        <source>%1: activated</source>
        <translation>%1: aktiviert</translation>
    </message>
    <message>
        <source>%1: deactivated</source>
        <translation>%1: deaktiviert</translation>
    </message>
    <message>
        <source>%1: saved</source>
        <translation>%1: gespeichert</translation>
    </message>
    <message>
        <source>ignored columns (not in the template): %1</source>
        <translation>ignorierte Spalten (nicht in der Vorlage): %1</translation>
    </message>
    <message>
        <source>row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>%1 would import, %2 rejected</source>
        <translation>%1 würden importiert, %2 abgelehnt</translation>
    </message>
    <message>
        <source>%1 imported, %2 rejected</source>
        <translation>%1 importiert, %2 abgelehnt</translation>
    </message>
</context>
<context>
    <name>AssetCsvImport</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>the column &quot;%1&quot; appears twice (columns %2 and %3)</source>
        <translation>die Spalte &quot;%1&quot; kommt zweimal vor (Spalten %2 und %3)</translation>
    </message>
    <message>
        <source>no &quot;Name&quot; column; the header must name the template&apos;s columns (%1)</source>
        <translation>keine Spalte &quot;Name&quot;; die Kopfzeile muss die Spalten der Vorlage benennen (%1)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1: &apos;%2&apos; ist keine Zahl</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is row %3, which is not imported</source>
        <translation>%1: &quot;%2&quot; ist Zeile %3, die nicht importiert wird</translation>
    </message>
    <message>
        <source>%1: nothing was imported: %2</source>
        <translation>%1: es wurde nichts importiert: %2</translation>
    </message>
    <message>
        <source>%1: the import was cancelled; nothing was imported</source>
        <translation>%1: der Import wurde abgebrochen; es wurde nichts importiert</translation>
    </message>
    <message>
        <source>%1: row %2: %3; the workspace changed since the preview, nothing was imported</source>
        <translation>%1: Zeile %2: %3; der Arbeitsbereich hat sich seit der Vorschau geändert, es wurde nichts importiert</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>the same name and asset tag as row %1: the same asset twice</source>
        <translation>derselbe Name und dasselbe Anlagenkennzeichen wie Zeile %1: dieselbe Anlage zweimal</translation>
    </message>
    <message>
        <source>an asset with this name and asset tag is already there (%1): was the file imported before?</source>
        <translation>eine Anlage mit diesem Namen und diesem Anlagenkennzeichen gibt es bereits (%1): wurde die Datei schon einmal importiert?</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is a row of this file that is not imported (rows naming each other as parent)</source>
        <translation>%1: &quot;%2&quot; ist eine Zeile dieser Datei, die nicht importiert wird (Zeilen, die einander als übergeordnete Anlage nennen)</translation>
    </message>
</context>
<context>
    <name>AssetEditor</name>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>The asset could not be created: %1</source>
        <translation>Die Anlage konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The asset %1 could not be saved: %2</source>
        <translation>Die Anlage %1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>There is no asset with id %1</source>
        <translation>Es gibt keine Anlage mit der ID %1</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>AssetFieldParser</name>
    <message>
        <source>&apos;%1&apos; is not field=value (fields: %2)</source>
        <translation>&apos;%1&apos; hat nicht die Form field=value (Felder: %2)</translation>
    </message>
    <message>
        <source>unknown field &apos;%1&apos; (fields: %2)</source>
        <translation>unbekanntes Feld &apos;%1&apos; (Felder: %2)</translation>
    </message>
    <message>
        <source>the field &apos;%1&apos; is given twice</source>
        <translation>das Feld &apos;%1&apos; ist zweimal angegeben</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a number (degrees, with a decimal point)</source>
        <translation>%1: &apos;%2&apos; ist keine Zahl (Grad, mit Punkt als Dezimaltrennzeichen)</translation>
    </message>
</context>
<context>
    <name>AssetFinder</name>
    <message>
        <source>A page of assets was asked for with a cursor of another sort order</source>
        <translation>Eine Seite von Anlagen wurde mit einem Cursor für eine andere Sortierung angefordert</translation>
    </message>
</context>
<context>
    <name>AssetReferenceResolver</name>
    <message>
        <source>%1 is not a reference field</source>
        <translation>%1 ist kein Verweisfeld</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; does not exist (no record has that name or id)</source>
        <translation>%1: &quot;%2&quot; existiert nicht (kein Datensatz hat diesen Namen oder diese ID)</translation>
    </message>
    <message numerus="yes">
        <source>%1: &quot;%2&quot; is ambiguous: %n records have that name (ids %3); give the id instead</source>
        <translation>
            <numerusform>%1: &quot;%2&quot; ist mehrdeutig: %n Datensatz hat diesen Namen (ID %3); geben Sie stattdessen die ID an</numerusform>
            <numerusform>%1: &quot;%2&quot; ist mehrdeutig: %n Datensätze haben diesen Namen (IDs %3); geben Sie stattdessen die ID an</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AssetValidator</name>
    <message>
        <source>%1: required</source>
        <translation>%1: erforderlich</translation>
    </message>
    <message>
        <source>%1: %2 characters, at most %3 are allowed</source>
        <translation>%1: %2 Zeichen, zulässig sind höchstens %3</translation>
    </message>
    <message>
        <source>%1: %2 is not within -90 to 90 degrees</source>
        <translation>%1: %2 liegt nicht zwischen -90 und 90 Grad</translation>
    </message>
    <message>
        <source>%1: %2 is not within -180 to 180 degrees</source>
        <translation>%1: %2 liegt nicht zwischen -180 und 180 Grad</translation>
    </message>
    <message>
        <source>%1: no record with id %2</source>
        <translation>%1: kein Datensatz mit der ID %2</translation>
    </message>
    <message>
        <source>%1: an asset cannot be its own parent</source>
        <translation>%1: eine Anlage kann sich nicht selbst übergeordnet sein</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is below this asset in the hierarchy; choosing it would make a loop</source>
        <translation>%1: &quot;%2&quot; liegt in der Hierarchie unterhalb dieser Anlage; diese Auswahl würde einen Zirkelbezug erzeugen</translation>
    </message>
</context>
<context>
    <name>BatchResponse</name>
    <message>
        <source>&quot;%1&quot; is not an HTTP status line</source>
        <translation>&quot;%1&quot; ist keine HTTP-Statuszeile</translation>
    </message>
    <message>
        <source>the batch answer is larger than %1 bytes</source>
        <translation>die Batch-Antwort ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>the batch answer is not multipart/mixed with a boundary</source>
        <translation>die Batch-Antwort ist nicht vom Typ multipart/mixed mit einer Boundary</translation>
    </message>
    <message>
        <source>the batch answer: %1</source>
        <translation>die Batch-Antwort: %1</translation>
    </message>
    <message>
        <source>the batch answer has %1 parts for %2 change sets</source>
        <translation>die Batch-Antwort hat %1 Teile für %2 Änderungssätze</translation>
    </message>
    <message>
        <source>change set %1</source>
        <translation>Änderungssatz %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: one answer (HTTP %2) for %3 requests</source>
        <translation>%1: eine Antwort (HTTP %2) für %3 Anfragen</translation>
    </message>
    <message>
        <source>neither an HTTP answer nor a change set</source>
        <translation>weder eine HTTP-Antwort noch ein Änderungssatz</translation>
    </message>
    <message>
        <source>%1: %2 answers for %3 requests</source>
        <translation>%1: %2 Antworten für %3 Anfragen</translation>
    </message>
    <message>
        <source>%1: request %2&apos;s answer is not application/http</source>
        <translation>%1: die Antwort auf Anfrage %2 ist nicht application/http</translation>
    </message>
    <message>
        <source>%1: the answer with Content-ID %2 stands where request %3&apos;s should</source>
        <translation>%1: die Antwort mit Content-ID %2 steht an der Stelle der Antwort auf Anfrage %3</translation>
    </message>
    <message>
        <source>%1, request %2: %3</source>
        <translation>%1, Anfrage %2: %3</translation>
    </message>
</context>
<context>
    <name>BookmarkEditor</name>
    <message>
        <source>No capture with id %1</source>
        <translation>Keine Aufnahme mit der ID %1</translation>
    </message>
    <message>
        <source>The stored manifest of capture %1 no longer reads (%2): its bookmarks cannot be changed.</source>
        <translation>Das gespeicherte Manifest der Aufnahme %1 ist nicht mehr lesbar (%2): Die Lesezeichen der Aufnahme können nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>CaptureImporter</name>
    <message>
        <source>folder not found</source>
        <translation>Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>cannot be stored: %1</source>
        <translation>kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>cannot be decoded: %1</source>
        <translation>kann nicht dekodiert werden: %1</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>capture id &quot;%1&quot; is also used by %2; neither was imported</source>
        <translation>die Aufnahme-ID &quot;%1&quot; wird auch von %2 verwendet; keine davon wurde importiert</translation>
    </message>
    <message>
        <source>cannot be copied into the workspace: %1</source>
        <translation>kann nicht in den Arbeitsbereich kopiert werden: %1</translation>
    </message>
    <message>
        <source>changed while it was being imported; try again</source>
        <translation>wurde während des Imports geändert; versuchen Sie es erneut</translation>
    </message>
    <message>
        <source>the manifest cannot be stored: %1</source>
        <translation>das Manifest kann nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>CaptureMedia</name>
    <message>
        <source>the capture is no longer in this workspace</source>
        <translation>die Aufnahme ist nicht mehr in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>its stored media path is refused</source>
        <translation>ihr gespeicherter Medienpfad wird abgelehnt</translation>
    </message>
    <message>
        <source>the video has redactions, and they cannot be burned into a video yet: the unredacted original is not uploaded</source>
        <translation>das Video enthält Schwärzungen, die sich noch nicht in ein Video einbrennen lassen: das ungeschwärzte Original wird nicht hochgeladen</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes; the store&apos;s %3 column takes at most %4 bytes</source>
        <translation>%1 hat %2 Bytes; die Spalte %3 des Speichers nimmt höchstens %4 Bytes auf</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>%1 (try --help)</source>
        <translation>%1 (siehe --help)</translation>
    </message>
    <message>
        <source>no command given (try --help)</source>
        <translation>kein Befehl angegeben (siehe --help)</translation>
    </message>
    <message>
        <source>%1 needs %2 (try --help)</source>
        <translation>%1 erfordert %2 (siehe --help)</translation>
    </message>
    <message>
        <source>%1 takes one %2, not %3 (try --help)</source>
        <translation>%1 erwartet ein %2, nicht %3 (siehe --help)</translation>
    </message>
    <message>
        <source>--assets: &apos;%1&apos; is not a number of assets</source>
        <translation>--assets: &apos;%1&apos; ist keine gültige Anzahl von Anlagen</translation>
    </message>
    <message>
        <source>--videos: &apos;%1&apos; is not a number of videos</source>
        <translation>--videos: &apos;%1&apos; ist keine gültige Anzahl von Videos</translation>
    </message>
    <message>
        <source>--photos: &apos;%1&apos; is not a number of photos</source>
        <translation>--photos: &apos;%1&apos; ist keine gültige Anzahl von Fotos</translation>
    </message>
    <message>
        <source>--video-seconds: &apos;%1&apos; is not a length in seconds (0-600)</source>
        <translation>--video-seconds: &apos;%1&apos; ist keine Länge in Sekunden (0–600)</translation>
    </message>
    <message>
        <source>import needs --workspace DIR</source>
        <translation>import erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>export-frame needs --out FILE.png</source>
        <translation>export-frame erfordert --out FILE.png</translation>
    </message>
    <message>
        <source>--time: &apos;%1&apos; is not a time in seconds</source>
        <translation>--time: &apos;%1&apos; ist keine Zeitangabe in Sekunden</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (try --help)</source>
        <translation>unbekannter Befehl &apos;%1&apos; (siehe --help)</translation>
    </message>
    <message>
        <source>Usage: sightline-cli &lt;command&gt; [options]

Commands:
  demo DIR                      Build the demo workspace in DIR.
      [--assets N] [--videos N] [--photos N] [--video-seconds S]
  import FOLDER --workspace DIR Import every *.capture.json under FOLDER.
  export-frame MANIFEST [--time SECONDS] --out FILE.png
  export-frame CAPTURE_ID --workspace DIR [--time SECONDS] --out FILE.png
                                Write a frame with its markup burned in (from
                                a workspace: the markup the viewer shows).
%4  check DIR                     Check a workspace: its database, and every
                                capture&apos;s media against its stored hash.
  rebuild DIR                   Make a new database for a damaged workspace
                                from its media folder (the old one is kept).
  asset create name=NAME [field=value...] --workspace DIR
                                Create an asset; prints its id.
  asset set ID field=value... --workspace DIR
                                Change an asset. Fields: name, tag, account,
                                product, category, parent (an id or a name;
                                empty clears it), latitude, longitude.
  asset deactivate|activate ID --workspace DIR
  review CAPTURE_ID... --status STATUS [--note TEXT] --workspace DIR
                                Set the review of captures: new, approved,
                                rejected or needs-follow-up, with a note.
  snapshot CAPTURE_ID [--time SECONDS] [--bake] --workspace DIR
                                Store the frame a video shows at a time (or a
                                photo) as a new capture of the same asset, with
                                its camera, pose and markup (--bake: the overlay
                                burned in); prints the new capture&apos;s id.
  import-assets FILE.csv --workspace DIR [--dry-run] [--out REJECTED.csv]
                                Import assets from the Dataverse template&apos;s
                                columns; lists rejected rows as &quot;row N: reason&quot;
                                (exit status 3 when rows were rejected).
%1%2%3
Options:
  --verbose                     Show log messages on stderr.
  --version                     Show the version.
  --help                        Show this help.
</source>
        <translation>Aufruf: sightline-cli &lt;Befehl&gt; [Optionen]

Befehle:
  demo DIR                      Demo-Arbeitsbereich in DIR erstellen.
      [--assets N] [--videos N] [--photos N] [--video-seconds S]
  import FOLDER --workspace DIR Alle *.capture.json unter FOLDER importieren.
  export-frame MANIFEST [--time SECONDS] --out FILE.png
  export-frame CAPTURE_ID --workspace DIR [--time SECONDS] --out FILE.png
                                Bild mit eingebrannten Markierungen schreiben
                                (aus einem Arbeitsbereich: die Markierungen,
                                die der Viewer anzeigt).
%4  check DIR                     Arbeitsbereich prüfen: Datenbank sowie Medien
                                jeder Aufnahme gegen den gespeicherten Hash.
  rebuild DIR                   Datenbank eines beschädigten Arbeitsbereichs
                                aus den Medien neu erstellen (die alte bleibt).
  asset create name=NAME [field=value...] --workspace DIR
                                Anlage erstellen; gibt ihre ID aus.
  asset set ID field=value... --workspace DIR
                                Anlage ändern. Felder: name, tag, account,
                                product, category, parent (ID oder Name;
                                leer entfernt ihn), latitude, longitude.
  asset deactivate|activate ID --workspace DIR
  review CAPTURE_ID... --status STATUS [--note TEXT] --workspace DIR
                                Prüfstatus von Aufnahmen setzen: new, approved,
                                rejected oder needs-follow-up, mit Notiz.
  snapshot CAPTURE_ID [--time SECONDS] [--bake] --workspace DIR
                                Das Bild eines Videos zu einem Zeitpunkt (oder
                                ein Foto) als neue Aufnahme derselben Anlage
                                speichern, mit Kamera, Kamerapose und
                                Markierungen (--bake: eingebrannt); gibt die
                                ID der neuen Aufnahme aus.
  import-assets FILE.csv --workspace DIR [--dry-run] [--out REJECTED.csv]
                                Anlagen aus den Spalten der Dataverse-Vorlage
                                importieren; listet abgelehnte Zeilen als
                                &quot;Zeile N: Grund&quot; auf (Exit-Status 3,
                                wenn Zeilen abgelehnt wurden).
%1%2%3
Optionen:
  --verbose                     Protokollmeldungen auf stderr ausgeben.
  --version                     Version anzeigen.
  --help                        Diese Hilfe anzeigen.
</translation>
    </message>
</context>
<context>
    <name>CliCommands</name>
    <message>
        <source>demo: %1</source>
        <translation>demo: %1</translation>
    </message>
    <message>
        <source>the demo workspace could not be built</source>
        <translation>der Demo-Arbeitsbereich konnte nicht erstellt werden</translation>
    </message>
    <message>
        <source>Demo workspace ready in %1</source>
        <translation>Demo-Arbeitsbereich in %1 bereit</translation>
    </message>
    <message>
        <source>import: %1: no such folder</source>
        <translation>import: %1: Ordner nicht vorhanden</translation>
    </message>
    <message>
        <source>import: cannot open the workspace %1: %2</source>
        <translation>import: Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Imported 1 capture into %1.</source>
        <translation>1 Aufnahme in %1 importiert.</translation>
    </message>
    <message>
        <source>Imported %1 captures into %2.</source>
        <translation>%1 Aufnahmen in %2 importiert.</translation>
    </message>
    <message>
        <source>1 capture could not be imported.</source>
        <translation>1 Aufnahme konnte nicht importiert werden.</translation>
    </message>
    <message>
        <source>%1 captures could not be imported.</source>
        <translation>%1 Aufnahmen konnten nicht importiert werden.</translation>
    </message>
    <message>
        <source>export-frame: %1: no such file</source>
        <translation>export-frame: %1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>export-frame: %1</source>
        <translation>export-frame: %1</translation>
    </message>
    <message>
        <source>%1: the frame could not be exported</source>
        <translation>%1: Das Bild konnte nicht exportiert werden</translation>
    </message>
    <message>
        <source>check: %1</source>
        <translation>check: %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: the database is sound; %n capture(s), each with its media and manifest intact.</source>
        <translation>
            <numerusform>%1: Die Datenbank ist fehlerfrei; %n Aufnahme mit intakter Mediendatei und intaktem Manifest.</numerusform>
            <numerusform>%1: Die Datenbank ist fehlerfrei; %n Aufnahmen, jeweils mit intakter Mediendatei und intaktem Manifest.</numerusform>
        </translation>
    </message>
    <message>
        <source>rebuild: %1</source>
        <translation>rebuild: %1</translation>
    </message>
    <message>
        <source>rebuild: not re-imported: %1</source>
        <translation>rebuild: nicht erneut importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Rebuilt %1: %n capture(s) re-imported from its media folder.</source>
        <translation>
            <numerusform>%1 neu aufgebaut: %n Aufnahme aus seinem Medienordner erneut importiert.</numerusform>
            <numerusform>%1 neu aufgebaut: %n Aufnahmen aus seinem Medienordner erneut importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read back from the old database: %1.</source>
        <translation>Aus der alten Datenbank übernommen: %1.</translation>
    </message>
    <message>
        <source>The old database is kept as %1.</source>
        <translation>Die alte Datenbank bleibt als %1 erhalten.</translation>
    </message>
    <message>
        <source>export-frame: cannot open the workspace %1: %2</source>
        <translation>export-frame: Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>There was no old database.</source>
        <translation>Es gab keine alte Datenbank.</translation>
    </message>
    <message>
        <source>Nothing could be read back from the old database.</source>
        <translation>Aus der alten Datenbank konnte nichts gelesen werden.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>a field of %1 characters; at most %2 are allowed</source>
        <translation>ein Feld mit %1 Zeichen; zulässig sind höchstens %2</translation>
    </message>
    <message>
        <source>more than %1 fields; that is the most allowed</source>
        <translation>mehr als %1 Felder; mehr sind nicht zulässig</translation>
    </message>
    <message>
        <source>the first line is empty; it must be the header</source>
        <translation>die erste Zeile ist leer; sie muss die Kopfzeile sein</translation>
    </message>
    <message>
        <source>%1 fields, but the header has %2</source>
        <translation>%1 Felder, die Kopfzeile hat aber %2</translation>
    </message>
    <message>
        <source>more than %L1 rows; that is the most one file may hold</source>
        <translation>mehr als %L1 Zeilen; mehr darf eine Datei nicht enthalten</translation>
    </message>
    <message>
        <source>text after the closing quote of a field</source>
        <translation>Text nach dem schließenden Anführungszeichen eines Felds</translation>
    </message>
    <message>
        <source>a quote inside a field that does not start with one (enclose the field in quotes and double the quote)</source>
        <translation>ein Anführungszeichen in einem Feld, das nicht mit einem Anführungszeichen beginnt (setzen Sie das Feld in Anführungszeichen und verdoppeln Sie das Anführungszeichen)</translation>
    </message>
    <message>
        <source>the quoted field that starts on this line is never closed</source>
        <translation>das Feld in Anführungszeichen, das in dieser Zeile beginnt, wird nie geschlossen</translation>
    </message>
    <message>
        <source>the file is empty; it must start with a header line</source>
        <translation>die Datei ist leer; sie muss mit einer Kopfzeile beginnen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>keine reguläre Datei</translation>
    </message>
    <message>
        <source>%L1 bytes; at most %L2 are allowed</source>
        <translation>%L1 Bytes; zulässig sind höchstens %L2</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>more than %L1 bytes; that is the most allowed</source>
        <translation>mehr als %L1 Bytes; mehr sind nicht zulässig</translation>
    </message>
    <message>
        <source>%1: line %2: %3</source>
        <translation>%1: Zeile %2: %3</translation>
    </message>
    <message>
        <source>the file is UTF-16; save it as &quot;CSV UTF-8&quot;</source>
        <translation>die Datei ist UTF-16-kodiert; speichern Sie sie als &quot;CSV UTF-8&quot;</translation>
    </message>
    <message>
        <source>a NUL character (is this a text file?)</source>
        <translation>ein NUL-Zeichen (ist das eine Textdatei?)</translation>
    </message>
    <message>
        <source>invalid UTF-8 (save the file as &quot;CSV UTF-8&quot;)</source>
        <translation>ungültiges UTF-8 (speichern Sie die Datei als &quot;CSV UTF-8&quot;)</translation>
    </message>
</context>
<context>
    <name>DemoWorkspaceBuilder</name>
    <message>
        <source>Opening the workspace</source>
        <translation>Arbeitsbereich wird geöffnet</translation>
    </message>
    <message>
        <source>Creating %1 demo assets</source>
        <translation>%1 Demo-Anlagen werden erstellt</translation>
    </message>
    <message>
        <source>Cannot store the demo assets: %1</source>
        <translation>Die Demo-Anlagen können nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>Rendering demo captures</source>
        <translation>Demo-Aufnahmen werden gerendert</translation>
    </message>
    <message>
        <source>Cannot render the demo captures: %1</source>
        <translation>Die Demo-Aufnahmen können nicht gerendert werden: %1</translation>
    </message>
    <message>
        <source>no capture was written</source>
        <translation>es wurde keine Aufnahme geschrieben</translation>
    </message>
    <message>
        <source>Importing demo captures</source>
        <translation>Demo-Aufnahmen werden importiert</translation>
    </message>
    <message>
        <source>Some demo captures did not import:
%1</source>
        <translation>Einige Demo-Aufnahmen wurden nicht importiert:
%1</translation>
    </message>
    <message>
        <source>The demo workspace is ready</source>
        <translation>Der Demo-Arbeitsbereich ist bereit</translation>
    </message>
</context>
<context>
    <name>EditAuthor</name>
    <message>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
</context>
<context>
    <name>EnvironmentUrl</name>
    <message>
        <source>Enter the environment&apos;s address, e.g. https://contoso.crm.dynamics.com.</source>
        <translation>Geben Sie die Adresse der Umgebung ein, z. B. https://contoso.crm.dynamics.com.</translation>
    </message>
    <message>
        <source>%1 is not a web address.</source>
        <translation>%1 ist keine Webadresse.</translation>
    </message>
    <message>
        <source>%1 must start with https:// (http only for this machine&apos;s own address).</source>
        <translation>%1 muss mit https:// beginnen (http nur für die eigene Adresse dieses Rechners).</translation>
    </message>
    <message>
        <source>%1 must not hold a user name or password.</source>
        <translation>%1 darf keinen Benutzernamen und kein Passwort enthalten.</translation>
    </message>
    <message>
        <source>%1 must be only the environment&apos;s address, without a path.</source>
        <translation>%1 darf nur die Adresse der Umgebung sein, ohne Pfad.</translation>
    </message>
    <message>
        <source>%1 must not hold a user name, a password, a query or a fragment.</source>
        <translation>%1 darf keinen Benutzernamen, kein Passwort, keine Abfrage und kein Fragment enthalten.</translation>
    </message>
</context>
<context>
    <name>FrameSource</name>
    <message>
        <source>no media is open</source>
        <translation>kein Medium geöffnet</translation>
    </message>
    <message>
        <source>there is no frame %1 (the video has %2)</source>
        <translation>Bild %1 gibt es nicht (das Video hat %2)</translation>
    </message>
    <message>
        <source>the video ends early, at %1 s; the container says %2 s</source>
        <translation>das Video endet vorzeitig bei %1 s; laut Container sind es %2 s</translation>
    </message>
    <message>
        <source>the requested time is not a number</source>
        <translation>die angeforderte Zeit ist keine Zahl</translation>
    </message>
    <message>
        <source>invalid time %1 s: it must be 0 or more</source>
        <translation>ungültige Zeit %1 s: sie muss 0 oder größer sein</translation>
    </message>
    <message>
        <source>time %1 s is past what can be read: the video ends early, at %2 s (its container says %3 s)</source>
        <translation>Zeit %1 s liegt hinter dem Lesbaren: das Video endet vorzeitig bei %2 s (der Container gibt %3 s an)</translation>
    </message>
    <message>
        <source>time %1 s is beyond the end of the video (%2 s)</source>
        <translation>Zeit %1 s liegt nach dem Ende des Videos (%2 s)</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>Review field captures of equipment with their spatial markup.</source>
        <translation>Vor-Ort-Aufnahmen von Anlagen mit ihren räumlichen Markierungen prüfen.</translation>
    </message>
    <message>
        <source>Open the workspace in &lt;directory&gt; (default: the demo workspace, built on first start).</source>
        <translation>Den Arbeitsbereich in &lt;Verzeichnis&gt; öffnen (Standard: der Demo-Arbeitsbereich, der beim ersten Start erstellt wird).</translation>
    </message>
    <message>
        <source>directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt;, e.g. de (default: the system&apos;s).</source>
        <translation>Die Sprache &lt;Code&gt; verwenden, z. B. de (Standard: die Systemsprache).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Show the first capture, save a picture of the window to &lt;file&gt; (PNG) and quit.</source>
        <translation>Die erste Aufnahme anzeigen, ein Bild des Fensters in &lt;Datei&gt; (PNG) speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>The workspace directory (like --workspace).</source>
        <translation>Das Verzeichnis des Arbeitsbereichs (wie --workspace).</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>With --screenshot: show &lt;kind&gt;: photo or video (the first capture of that kind), browser (the asset hierarchy and facets), annotate (the first photo in the annotation editor), or compare (two photos of one asset in a wipe).</source>
        <translation>Mit --screenshot: &lt;Art&gt; zeigen: photo oder video (die erste Aufnahme dieser Art), browser (die Anlagenhierarchie und die Filter), annotate (das erste Foto im Markierungseditor) oder compare (zwei Fotos einer Anlage in der Wischblende).</translation>
    </message>
</context>
<context>
    <name>MarkupEditor</name>
    <message numerus="yes">
        <source>%1 %2: %n point(s), %3, %4 px</source>
        <translation>
            <numerusform>%1 %2: %n Punkt, %3, %4 px</numerusform>
            <numerusform>%1 %2: %n Punkte, %3, %4 px</numerusform>
        </translation>
    </message>
    <message>
        <source>No capture with id %1 to carry markup %2</source>
        <translation>Keine Aufnahme mit der ID %1, die die Markierung %2 aufnehmen könnte</translation>
    </message>
</context>
<context>
    <name>MediaCache</name>
    <message>
        <source>&apos;%1&apos; is not a capture id (a GUID)</source>
        <translation>&apos;%1&apos; ist keine Aufnahme-ID (GUID)</translation>
    </message>
</context>
<context>
    <name>MediaCommand</name>
    <message>
        <source>  media fetch ASSET_ID --url URL --workspace DIR [--cache-mb N]
                                Download the full-size photos and videos of an
                                asset&apos;s captures into the workspace&apos;s cache
                                (cache/; a cut download resumes; past N MiB,
                                default 2048, the least recently used go).
  media offline ASSET_ID on|off --workspace DIR
                                Keep an asset&apos;s media available offline: its
                                cached files are never evicted.
</source>
        <translation>  media fetch ASSET_ID --url URL --workspace DIR [--cache-mb N]
                                Fotos und Videos der Aufnahmen einer Anlage in
                                voller Größe in den Cache des Arbeitsbereichs
                                herunterladen (cache/; ein abgebrochener
                                Download wird fortgesetzt; über N MiB, Standard
                                2048, werden die am längsten nicht genutzten
                                Dateien entfernt).
  media offline ASSET_ID on|off --workspace DIR
                                Medien einer Anlage offline verfügbar halten:
                                Die Dateien im Cache werden nie entfernt.
</translation>
    </message>
    <message>
        <source>use: media fetch ASSET_ID --url URL --workspace DIR, or media offline ASSET_ID on|off --workspace DIR (try --help)</source>
        <translation>Aufruf: media fetch ASSET_ID --url URL --workspace DIR oder media offline ASSET_ID on|off --workspace DIR (siehe --help)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not an asset id (a GUID)</source>
        <translation>&apos;%1&apos; ist keine Anlagen-ID (GUID)</translation>
    </message>
    <message>
        <source>media needs --workspace DIR</source>
        <translation>media erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>--url: &apos;%1&apos; is not an http(s) address of an environment</source>
        <translation>--url: &apos;%1&apos; ist keine http(s)-Adresse einer Umgebung</translation>
    </message>
    <message>
        <source>--cache-mb: &apos;%1&apos; is not a size in MiB</source>
        <translation>--cache-mb: &apos;%1&apos; ist keine Größe in MiB</translation>
    </message>
    <message>
        <source>no access token: set %1</source>
        <translation>kein Zugriffstoken: Setzen Sie %1</translation>
    </message>
    <message>
        <source>media %1 of %2</source>
        <translation>Mediendatei %1 von %2</translation>
    </message>
    <message>
        <source>downloaded %1, already cached %2, evicted %3, failed %4</source>
        <translation>%1 heruntergeladen, %2 bereits im Cache, %3 entfernt, %4 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>MediaPath</name>
    <message>
        <source>no media file given</source>
        <translation>keine Mediendatei angegeben</translation>
    </message>
    <message>
        <source>the path is longer than %1 characters</source>
        <translation>der Pfad ist länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>the path contains a NUL character</source>
        <translation>der Pfad enthält ein NUL-Zeichen</translation>
    </message>
    <message>
        <source>must be a path relative to its folder, not &quot;%1&quot;</source>
        <translation>muss ein Pfad relativ zu seinem Ordner sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>leads outside its folder (&quot;..&quot;): &quot;%1&quot;</source>
        <translation>führt aus seinem Ordner heraus (&quot;..&quot;): &quot;%1&quot;</translation>
    </message>
    <message>
        <source>names a folder, not a file: &quot;%1&quot;</source>
        <translation>bezeichnet einen Ordner, keine Datei: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>file not found: &quot;%1&quot;</source>
        <translation>Datei nicht gefunden: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is not a regular file: &quot;%1&quot;</source>
        <translation>ist keine reguläre Datei: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>leads outside its folder through a symbolic link: &quot;%1&quot;</source>
        <translation>führt über einen symbolischen Link aus seinem Ordner heraus: &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>MediaStore</name>
    <message>
        <source>invalid stored path &quot;%1&quot;</source>
        <translation>ungültiger gespeicherter Pfad &quot;%1&quot;</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>cannot write into the workspace: %1</source>
        <translation>kann nicht in den Arbeitsbereich geschrieben werden: %1</translation>
    </message>
    <message>
        <source>cannot move into the workspace: %1</source>
        <translation>kann nicht in den Arbeitsbereich verschoben werden: %1</translation>
    </message>
</context>
<context>
    <name>Mp4VideoWriter</name>
    <message>
        <source>the frames are too small to encode (%1×%2)</source>
        <translation>die Bilder sind zu klein zum Kodieren (%1×%2)</translation>
    </message>
    <message>
        <source>cannot create an MP4 file</source>
        <translation>eine MP4-Datei kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>no H.264 encoder is available in this FFmpeg</source>
        <translation>dieses FFmpeg bietet keinen H.264-Encoder</translation>
    </message>
    <message>
        <source>cannot open the H.264 encoder</source>
        <translation>der H.264-Encoder kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot add a video stream</source>
        <translation>ein Videostrom kann nicht hinzugefügt werden</translation>
    </message>
    <message>
        <source>cannot set up the video stream</source>
        <translation>der Videostrom kann nicht eingerichtet werden</translation>
    </message>
    <message>
        <source>not enough memory for a frame</source>
        <translation>nicht genug Speicher für ein Bild</translation>
    </message>
    <message>
        <source>cannot open the file</source>
        <translation>die Datei kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>cannot write the MP4 header</source>
        <translation>der MP4-Kopf kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>the video file is not open</source>
        <translation>die Videodatei ist nicht geöffnet</translation>
    </message>
    <message>
        <source>a frame changed size while encoding</source>
        <translation>ein Bild hat beim Kodieren seine Größe geändert</translation>
    </message>
    <message>
        <source>frame times must increase (%1 s)</source>
        <translation>Bildzeiten müssen ansteigen (%1 s)</translation>
    </message>
    <message>
        <source>cannot convert the frame to YUV</source>
        <translation>das Bild kann nicht nach YUV umgewandelt werden</translation>
    </message>
    <message>
        <source>the encoder refused a frame</source>
        <translation>der Encoder hat ein Bild abgelehnt</translation>
    </message>
    <message>
        <source>the encoder failed</source>
        <translation>der Encoder ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>cannot write to the file</source>
        <translation>in die Datei kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot write the MP4 index</source>
        <translation>der MP4-Index kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>cannot close the file</source>
        <translation>die Datei kann nicht geschlossen werden</translation>
    </message>
</context>
<context>
    <name>ODataPageParser</name>
    <message>
        <source>row %1 is not an object</source>
        <translation>Zeile %1 ist kein Objekt</translation>
    </message>
    <message>
        <source>row %1: a deleted row without a GUID &quot;id&quot;</source>
        <translation>Zeile %1: eine gelöschte Zeile ohne GUID als &quot;id&quot;</translation>
    </message>
    <message>
        <source>row %1: @odata.etag is not a version string</source>
        <translation>Zeile %1: @odata.etag ist keine Versionszeichenkette</translation>
    </message>
    <message>
        <source>%1 is not a URL string</source>
        <translation>%1 ist keine URL-Zeichenkette</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters</source>
        <translation>%1 ist länger als %2 Zeichen</translation>
    </message>
    <message>
        <source>%1 is not a valid URL</source>
        <translation>%1 ist keine gültige URL</translation>
    </message>
    <message>
        <source>%1 points to %2, not to the store that was asked</source>
        <translation>%1 verweist auf %2, nicht auf den angefragten Speicher</translation>
    </message>
    <message>
        <source>the page is larger than %1 bytes</source>
        <translation>die Seite ist größer als %1 Bytes</translation>
    </message>
    <message>
        <source>not valid JSON at byte %1 of %2: %3</source>
        <translation>kein gültiges JSON bei Byte %1 von %2: %3</translation>
    </message>
    <message>
        <source>the page is not a JSON object</source>
        <translation>die Seite ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the store answered an error: %1 %2</source>
        <translation>der Speicher hat mit einem Fehler geantwortet: %1 %2</translation>
    </message>
    <message>
        <source>the page has no &quot;value&quot; array</source>
        <translation>die Seite enthält kein &quot;value&quot;-Array</translation>
    </message>
    <message>
        <source>the page has %1 rows, more than %2</source>
        <translation>die Seite hat %1 Zeilen, mehr als %2</translation>
    </message>
    <message>
        <source>the page has both a nextLink and a deltaLink</source>
        <translation>die Seite enthält sowohl einen nextLink als auch einen deltaLink</translation>
    </message>
    <message>
        <source>not valid JSON (%1 bytes): %2</source>
        <translation>kein gültiges JSON (%1 Bytes): %2</translation>
    </message>
</context>
<context>
    <name>ODataQuery</name>
    <message>
        <source>the service URL %1 is not an http(s) URL</source>
        <translation>die Dienst-URL %1 ist keine http(s)-URL</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an entity set name</source>
        <translation>&quot;%1&quot; ist kein Entitätssatzname</translation>
    </message>
    <message>
        <source>a read of %1 names no columns ($select)</source>
        <translation>beim Lesen von %1 sind keine Spalten angegeben ($select)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column name</source>
        <translation>&quot;%1&quot; ist kein Spaltenname</translation>
    </message>
</context>
<context>
    <name>OutputFile</name>
    <message>
        <source>%1 exists and is not a regular file; refusing to replace it</source>
        <translation>%1 existiert und ist keine reguläre Datei; das Ersetzen wird verweigert</translation>
    </message>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the data could not be produced</source>
        <translation>die Daten konnten nicht erzeugt werden</translation>
    </message>
</context>
<context>
    <name>PhotoReader</name>
    <message>
        <source>the file is a video, not a photo</source>
        <translation>die Datei ist ein Video, kein Foto</translation>
    </message>
    <message>
        <source>cannot be decoded as a photo (corrupt or unsupported format)</source>
        <translation>kann nicht als Foto dekodiert werden (beschädigt oder nicht unterstütztes Format)</translation>
    </message>
    <message>
        <source>the JPEG ends before its image does (the file is cut short)</source>
        <translation>das JPEG endet vor seinem Bild (die Datei ist abgeschnitten)</translation>
    </message>
</context>
<context>
    <name>RecordCreator</name>
    <message>
        <source>A new record names no valid entity set (%1), key column (%2) or id.</source>
        <translation>Ein neuer Datensatz hat keinen gültigen Entitätssatz (%1), keine gültige Schlüsselspalte (%2) oder keine gültige ID.</translation>
    </message>
</context>
<context>
    <name>RecordWriter</name>
    <message>
        <source>A write names no valid entity set and record id.</source>
        <translation>Ein Schreibvorgang gibt keinen gültigen Entitätssatz und keine gültige Datensatz-ID an.</translation>
    </message>
    <message>
        <source>A write to %1 has no version (ETag) to check against.</source>
        <translation>Ein Schreibvorgang in %1 hat keine Version (ETag), gegen die geprüft werden kann.</translation>
    </message>
</context>
<context>
    <name>RemoteCapture</name>
    <message>
        <source>an attachment without a GUID key</source>
        <translation>ein Anhang ohne GUID-Schlüssel</translation>
    </message>
    <message>
        <source>attachment %1 belongs to no customer asset</source>
        <translation>Anhang %1 gehört zu keiner Kundenanlage</translation>
    </message>
    <message>
        <source>attachment %1</source>
        <translation>Anhang %1</translation>
    </message>
    <message>
        <source>attachment %1: its manifest was not taken: %2</source>
        <translation>Anhang %1: sein Manifest wurde nicht übernommen: %2</translation>
    </message>
    <message>
        <source>attachment %1: its manifest is of another capture (%2) and was not taken</source>
        <translation>Anhang %1: sein Manifest gehört zu einer anderen Aufnahme (%2) und wurde nicht übernommen</translation>
    </message>
    <message>
        <source>attachment %1: its manifest says %2 but the attachment is a %3; the manifest was not taken</source>
        <translation>Anhang %1: sein Manifest nennt %2, der Anhang ist aber %3; das Manifest wurde nicht übernommen</translation>
    </message>
</context>
<context>
    <name>RemoteError</name>
    <message>
        <source>The asset store did not answer in time.</source>
        <translation>Der Anlagenspeicher hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The asset store&apos;s certificate could not be verified (%1).</source>
        <translation>Das Zertifikat des Anlagenspeichers konnte nicht überprüft werden (%1).</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The asset store&apos;s answer is too large (%1).</source>
        <translation>Die Antwort des Anlagenspeichers ist zu groß (%1).</translation>
    </message>
    <message>
        <source>Cannot reach the asset store (%1).</source>
        <translation>Der Anlagenspeicher ist nicht erreichbar (%1).</translation>
    </message>
    <message>
        <source>Your sign-in has expired: sign in again.</source>
        <translation>Ihre Anmeldung ist abgelaufen: Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>You lack the permission for this in the asset store: ask for the role &quot;Remote Assist - App User&quot;%1.</source>
        <translation>Ihnen fehlt im Anlagenspeicher die Berechtigung dafür: Bitten Sie um die Rolle &quot;Remote Assist - App User&quot;%1.</translation>
    </message>
    <message>
        <source>The record is not in the asset store%1.</source>
        <translation>Der Datensatz ist im Anlagenspeicher nicht vorhanden%1.</translation>
    </message>
    <message>
        <source>The record was changed in the asset store meanwhile%1.</source>
        <translation>Der Datensatz wurde inzwischen im Anlagenspeicher geändert%1.</translation>
    </message>
    <message>
        <source>The asset store refused a write without a version check%1.</source>
        <translation>Der Anlagenspeicher hat einen Schreibvorgang ohne Versionsprüfung abgelehnt%1.</translation>
    </message>
    <message>
        <source>The asset store is busy; try again later.</source>
        <translation>Der Anlagenspeicher ist ausgelastet; versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <source>The asset store is unavailable (HTTP %1)%2.</source>
        <translation>Der Anlagenspeicher ist nicht verfügbar (HTTP %1)%2.</translation>
    </message>
    <message>
        <source>The asset store answered HTTP %1%2.</source>
        <translation>Der Anlagenspeicher hat mit HTTP %1 geantwortet%2.</translation>
    </message>
    <message>
        <source>The asset store&apos;s answer cannot be read: %1</source>
        <translation>Die Antwort des Anlagenspeichers kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The sign-in service cannot renew your sign-in just now (no connection, or it is not answering): your edits stay queued and are sent later.</source>
        <translation>Der Anmeldedienst kann Ihre Anmeldung gerade nicht erneuern (keine Verbindung, oder er antwortet nicht): Ihre Änderungen bleiben im Postausgang und werden später gesendet.</translation>
    </message>
</context>
<context>
    <name>ReviewCommand</name>
    <message>
        <source>review needs a capture id (try --help)</source>
        <translation>review erfordert eine Aufnahme-ID (siehe --help)</translation>
    </message>
    <message>
        <source>review needs --status new|approved|rejected|needs-follow-up</source>
        <translation>review erfordert --status new|approved|rejected|needs-follow-up</translation>
    </message>
    <message>
        <source>review: --status: &apos;%1&apos; is not a review status (new, approved, rejected, needs-follow-up)</source>
        <translation>review: --status: &apos;%1&apos; ist kein Prüfstatus (new, approved, rejected, needs-follow-up)</translation>
    </message>
    <message>
        <source>review needs --workspace DIR</source>
        <translation>review erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>review: cannot open the workspace %1: %2</source>
        <translation>review: Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>review: %1</source>
        <translation>review: %1</translation>
    </message>
    <message>
        <source>nothing to change</source>
        <translation>nichts zu ändern</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ReviewEditor</name>
    <message>
        <source>no capture given</source>
        <translation>keine Aufnahme angegeben</translation>
    </message>
    <message>
        <source>%1: no such capture in the workspace</source>
        <translation>%1: keine solche Aufnahme im Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>SearchCommand</name>
    <message>
        <source>  search QUERY --workspace DIR  Print the matching assets, best first: id, tag,
      [--account NAME]          name, tab-separated. NAME is matched without
      [--category NAME]         regard to case. At most N assets (default %1).
      [--limit N]
</source>
        <translation>  search QUERY --workspace DIR  Passende Anlagen ausgeben, beste zuerst: ID,
      [--account NAME]          Kennzeichen und Name, durch Tabulator getrennt.
      [--category NAME]         Groß-/Kleinschreibung von NAME wird nicht
      [--limit N]               beachtet. Höchstens N Anlagen (Standard: %1).
</translation>
    </message>
    <message>
        <source>search needs QUERY (try --help)</source>
        <translation>search erfordert QUERY (siehe --help)</translation>
    </message>
    <message>
        <source>search needs --workspace DIR</source>
        <translation>search erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>--limit: &apos;%1&apos; is not a number of assets (1-%2)</source>
        <translation>--limit: &apos;%1&apos; ist keine gültige Anzahl von Anlagen (1–%2)</translation>
    </message>
    <message>
        <source>search: %1 is not a Sightline workspace</source>
        <translation>search: %1 ist kein Sightline-Arbeitsbereich</translation>
    </message>
    <message>
        <source>search: cannot open the workspace %1: %2</source>
        <translation>search: Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>search: --account: no account is named &apos;%1&apos; in this workspace</source>
        <translation>search: --account: in diesem Arbeitsbereich heißt kein Kunde &apos;%1&apos;</translation>
    </message>
    <message>
        <source>search: --category: no category is named &apos;%1&apos; in this workspace</source>
        <translation>search: --category: in diesem Arbeitsbereich heißt keine Kategorie &apos;%1&apos;</translation>
    </message>
    <message>
        <source>search: %1</source>
        <translation>search: %1</translation>
    </message>
</context>
<context>
    <name>SignInAnswers</name>
    <message>
        <source>the sign-in service&apos;s answer is too large (%1 bytes)</source>
        <translation>die Antwort des Anmeldedienstes ist zu groß (%1 Bytes)</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s answer is not a JSON object</source>
        <translation>die Antwort des Anmeldedienstes ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s answer has no %1</source>
        <translation>die Antwort des Anmeldedienstes enthält kein Feld %1</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s %1 is too long</source>
        <translation>das Feld %1 des Anmeldedienstes ist zu lang</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s %1 is not a number of seconds from %2 to %3</source>
        <translation>das Feld %1 des Anmeldedienstes ist keine Anzahl von Sekunden zwischen %2 und %3</translation>
    </message>
    <message>
        <source>the sign-in service answered %1, not JSON</source>
        <translation>der Anmeldedienst hat mit %1 geantwortet, nicht mit JSON</translation>
    </message>
    <message>
        <source>the sign-in service refused to start (%1): %2</source>
        <translation>der Anmeldedienst hat den Start der Anmeldung abgelehnt (%1): %2</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s answer has no expires_in</source>
        <translation>die Antwort des Anmeldedienstes enthält kein expires_in</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s verification link is not a web address</source>
        <translation>der Bestätigungslink des Anmeldedienstes ist keine Webadresse</translation>
    </message>
    <message>
        <source>the sign-in service answered %1: %2</source>
        <translation>der Anmeldedienst hat mit %1 geantwortet: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s refresh_token is not a token</source>
        <translation>das refresh_token des Anmeldedienstes ist kein Token</translation>
    </message>
    <message>
        <source>the sign-in service&apos;s token_type is not Bearer</source>
        <translation>der token_type des Anmeldedienstes ist nicht Bearer</translation>
    </message>
</context>
<context>
    <name>SignInCommands</name>
    <message>
        <source>%1 needs --url URL (the environment, e.g. https://contoso.crm.dynamics.com)</source>
        <translation>%1 erfordert --url URL (die Umgebung, z. B. https://contoso.crm.dynamics.com)</translation>
    </message>
    <message>
        <source>  signin --url URL [--authority URL]
                                Sign in to an environment (device code: open the
                                link shown and enter the code). The sign-in is
                                kept in the keychain for sync; where no keychain
                                runs, use SIGHTLINE_TOKEN instead.
  signout --url URL             Forget the sign-in kept for an environment.
</source>
        <translation>  signin --url URL [--authority URL]
                                Bei einer Umgebung anmelden (Gerätecode: den
                                angezeigten Link öffnen und den Code eingeben).
                                Die Anmeldung wird für sync im Schlüsselbund
                                aufbewahrt; wo kein Schlüsselbund läuft,
                                stattdessen SIGHTLINE_TOKEN verwenden.
  signout --url URL             Die für eine Umgebung aufbewahrte Anmeldung
                                vergessen.
</translation>
    </message>
    <message>
        <source>signin takes no arguments besides its options (try --help)</source>
        <translation>signin erwartet außer seinen Optionen keine Argumente (siehe --help)</translation>
    </message>
    <message>
        <source>signed in%1, but no keychain runs here to keep the sign-in: it ended with this command. For sync, set %2 to an access token instead.</source>
        <translation>angemeldet%1, aber hier läuft kein Schlüsselbund, der sie aufbewahren könnte: Die Anmeldung endete mit diesem Befehl. Setzen Sie für sync stattdessen %2 auf ein Zugriffstoken.</translation>
    </message>
    <message>
        <source> as %1</source>
        <translation> als %1</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>Als %2 bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>signout takes no arguments besides its options (try --help)</source>
        <translation>signout erwartet außer seinen Optionen keine Argumente (siehe --help)</translation>
    </message>
    <message>
        <source>No keychain runs here, so no sign-in was kept for %1.</source>
        <translation>Hier läuft kein Schlüsselbund, daher wurde für %1 keine Anmeldung aufbewahrt.</translation>
    </message>
    <message>
        <source>Signed out of %1.</source>
        <translation>Bei %1 abgemeldet.</translation>
    </message>
    <message>
        <source>signed in%1, but the keychain refused to keep the sign-in (is it locked?): it ended with this command. Unlock the keychain and sign in again, or for sync set %2 to an access token instead.</source>
        <translation>angemeldet%1, aber der Schlüsselbund hat es abgelehnt, die Anmeldung aufzubewahren (ist er gesperrt?): Die Anmeldung endete mit diesem Befehl. Entsperren Sie den Schlüsselbund und melden Sie sich erneut an, oder setzen Sie für sync stattdessen %2 auf ein Zugriffstoken.</translation>
    </message>
    <message>
        <source>the keychain refused to remove the sign-in kept for %1 (is it locked?): it may still be kept there. Unlock the keychain and sign out again.</source>
        <translation>der Schlüsselbund hat es abgelehnt, die für %1 aufbewahrte Anmeldung zu entfernen (ist er gesperrt?): Sie ist dort womöglich noch aufbewahrt. Entsperren Sie den Schlüsselbund und melden Sie sich erneut ab.</translation>
    </message>
</context>
<context>
    <name>SnapshotCommand</name>
    <message>
        <source>snapshot needs one capture id (try --help)</source>
        <translation>snapshot erfordert genau eine Aufnahme-ID (siehe --help)</translation>
    </message>
    <message>
        <source>snapshot needs --workspace DIR</source>
        <translation>snapshot erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>--time: &apos;%1&apos; is not a time in seconds</source>
        <translation>--time: &apos;%1&apos; ist keine Zeitangabe in Sekunden</translation>
    </message>
    <message>
        <source>snapshot: cannot open the workspace %1: %2</source>
        <translation>snapshot: Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>snapshot: %1</source>
        <translation>snapshot: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotMaker</name>
    <message>
        <source>no such capture in the workspace</source>
        <translation>keine solche Aufnahme im Arbeitsbereich</translation>
    </message>
    <message>
        <source>the stored media path is refused</source>
        <translation>der gespeicherte Medienpfad wird abgelehnt</translation>
    </message>
    <message>
        <source>the video ends early, at %1 s; no frame at %2 s</source>
        <translation>das Video endet vorzeitig bei %1 s; kein Bild bei %2 s</translation>
    </message>
    <message>
        <source>cannot create a temporary folder: %1</source>
        <translation>ein temporärer Ordner kann nicht erstellt werden: %1</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <source>the workspace is read-only</source>
        <translation>der Arbeitsbereich ist schreibgeschützt</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>the database file cannot be opened (missing folder or permission denied)</source>
        <translation>die Datenbankdatei kann nicht geöffnet werden (Ordner fehlt oder Zugriff verweigert)</translation>
    </message>
    <message>
        <source>the workspace is busy: another program is writing to it</source>
        <translation>der Arbeitsbereich ist belegt: ein anderes Programm schreibt gerade hinein</translation>
    </message>
    <message>
        <source>not enough memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>the disk reported an input/output error</source>
        <translation>der Datenträger hat einen Ein-/Ausgabefehler gemeldet</translation>
    </message>
    <message>
        <source>the workspace database is damaged</source>
        <translation>die Datenbank des Arbeitsbereichs ist beschädigt</translation>
    </message>
    <message>
        <source>a value is too large to store</source>
        <translation>ein Wert ist zu groß zum Speichern</translation>
    </message>
</context>
<context>
    <name>StoredSignIn</name>
    <message>
        <source>To sign in, open %1 and enter the code %2</source>
        <translation>Öffnen Sie zum Anmelden %1 und geben Sie den Code %2 ein</translation>
    </message>
    <message>
        <source>Waiting for the sign-in… (Ctrl+C stops)</source>
        <translation>Warten auf die Anmeldung… (Strg+C bricht ab)</translation>
    </message>
    <message>
        <source>no sign-in is kept here: no keychain runs</source>
        <translation>hier ist keine Anmeldung aufbewahrt, da kein Schlüsselbund läuft</translation>
    </message>
    <message>
        <source>not signed in to %1</source>
        <translation>nicht bei %1 angemeldet</translation>
    </message>
    <message>
        <source>the sign-in service of %1 cannot be reached now (the sign-in is kept: try again later)</source>
        <translation>der Anmeldedienst von %1 ist gerade nicht erreichbar (die Anmeldung bleibt bestehen: versuchen Sie es später erneut)</translation>
    </message>
    <message>
        <source>the keychain did not answer within %1 s: the newest sign-in may not be kept</source>
        <translation>der Schlüsselbund hat nicht innerhalb von %1 s geantwortet: die neueste Anmeldung wird womöglich nicht aufbewahrt</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <source>sync takes no arguments besides its options (try --help)</source>
        <translation>sync erwartet außer seinen Optionen keine Argumente (siehe --help)</translation>
    </message>
    <message>
        <source>sync needs --url URL and --workspace DIR</source>
        <translation>sync erfordert --url URL und --workspace DIR</translation>
    </message>
    <message>
        <source>--url: &apos;%1&apos; is not an http(s) address of an environment</source>
        <translation>--url: &apos;%1&apos; ist keine http(s)-Adresse einer Umgebung</translation>
    </message>
    <message>
        <source>pushed %1 of %2 edits</source>
        <translation>%1 von %2 Änderungen gesendet</translation>
    </message>
    <message>
        <source>pulling %1: %2 rows</source>
        <translation>%1 wird abgerufen: %2 Zeilen</translation>
    </message>
    <message>
        <source>the asset store is busy: waiting %1 s</source>
        <translation>der Anlagenspeicher ist ausgelastet: %1 s warten</translation>
    </message>
    <message>
        <source>use: outbox [resolve SEQ mine|theirs] --workspace DIR (try --help)</source>
        <translation>Aufruf: outbox [resolve SEQ mine|theirs] --workspace DIR (siehe --help)</translation>
    </message>
    <message>
        <source>outbox needs --workspace DIR</source>
        <translation>outbox erfordert --workspace DIR</translation>
    </message>
    <message>
        <source>%1: run sightline-cli signin --url %2 first, or set %3</source>
        <translation>%1: Führen Sie zuerst sightline-cli signin --url %2 aus oder setzen Sie %3</translation>
    </message>
    <message>
        <source>the asset store refused the sign-in: run sightline-cli signin again</source>
        <translation>der Anlagenspeicher hat die Anmeldung abgelehnt: Führen Sie sightline-cli signin erneut aus</translation>
    </message>
    <message>
        <source>the asset store refused the token in %1</source>
        <translation>der Anlagenspeicher hat das Token in %1 abgelehnt</translation>
    </message>
    <message>
        <source>  sync --url URL --workspace DIR  Push the edits made here to the asset store
                                (Dataverse), then pull its changes. The access
                                token comes from SIGHTLINE_TOKEN, else from the
                                sign-in kept by signin. A table the store keeps
                                no changes for is polled, which cannot see
                                deletions: every Nth sync (--id-sweep-every N,
                                default 10) or a day after the last, its ids are
                                read whole and the rows deleted there removed.
  outbox --workspace DIR        List the edits waiting to be pushed (seq, state,
                                record, fields, attempts, last error).
  outbox resolve SEQ mine|theirs --workspace DIR
                                Settle an edit in conflict: push this workspace&apos;s
                                values over the store&apos;s, or take the store&apos;s.
</source>
        <translation>  sync --url URL --workspace DIR  Die hier vorgenommenen Änderungen an den
                                Anlagenspeicher (Dataverse) senden, dann dessen
                                Änderungen abrufen. Das Zugriffstoken stammt
                                aus SIGHTLINE_TOKEN, sonst aus der mit signin
                                aufbewahrten Anmeldung. Eine Tabelle, für die
                                der Speicher keine Änderungen verfolgt, wird
                                abgefragt, was Löschungen nicht erkennt: bei
                                jeder N-ten Synchronisierung (--id-sweep-every
                                N, Standard 10) oder einen Tag nach der letzten
                                werden alle ihre IDs gelesen und die dort
                                gelöschten Zeilen entfernt.
  outbox --workspace DIR        Die zum Senden wartenden Änderungen auflisten
                                (seq, Zustand, Datensatz, Felder, Versuche,
                                letzter Fehler).
  outbox resolve SEQ mine|theirs --workspace DIR
                                Eine Änderung im Konflikt auflösen: die Werte
                                dieses Arbeitsbereichs über die des Speichers
                                schreiben oder die des Speichers übernehmen.
</translation>
    </message>
    <message>
        <source>--id-sweep-every: &apos;%1&apos; is not a whole number from 1 to %2</source>
        <translation>--id-sweep-every: &apos;%1&apos; ist keine ganze Zahl von 1 bis %2</translation>
    </message>
</context>
<context>
    <name>SyncConflictResolver</name>
    <message>
        <source>There is no edit %1 in conflict.</source>
        <translation>Es gibt keine Änderung %1 im Konflikt.</translation>
    </message>
</context>
<context>
    <name>SyncConflictSettlement</name>
    <message>
        <source>%1 takes mine or theirs only.</source>
        <translation>Für %1 kann nur der lokale Wert oder der Wert aus dem Anlagenspeicher behalten werden.</translation>
    </message>
    <message>
        <source>%1 must be a number of degrees.</source>
        <translation>%1 muss eine Zahl in Grad sein.</translation>
    </message>
    <message>
        <source>There is no edit %1 in conflict.</source>
        <translation>Es gibt keine Änderung %1 im Konflikt.</translation>
    </message>
    <message>
        <source>%1 is not in conflict in edit %2.</source>
        <translation>%1 steht in Änderung %2 nicht im Konflikt.</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message numerus="yes">
        <source>%1 (%n capture(s))</source>
        <translation>
            <numerusform>%1 (%n Aufnahme)</numerusform>
            <numerusform>%1 (%n Aufnahmen)</numerusform>
        </translation>
    </message>
    <message>
        <source>pulled %1, deleted %2, pushed %3, conflicts %4, failed %5</source>
        <translation>%1 abgerufen, %2 gelöscht, %3 gesendet, %4 Konflikte, %5 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 (new captures: %2)</source>
        <translation>%1 (neue Aufnahmen: %2)</translation>
    </message>
    <message>
        <source>, files fetched: %1</source>
        <translation>, Dateien geholt: %1</translation>
    </message>
    <message>
        <source>%1 (captures removed: %2)</source>
        <translation>%1 (Aufnahmen entfernt: %2)</translation>
    </message>
</context>
<context>
    <name>SystemError</name>
    <message>
        <source>not enough memory</source>
        <translation>nicht genügend Arbeitsspeicher</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>no space left on the device (disk full)</source>
        <translation>kein Speicherplatz mehr auf dem Gerät (Datenträger voll)</translation>
    </message>
    <message>
        <source>disk quota exceeded</source>
        <translation>Speicherkontingent überschritten</translation>
    </message>
    <message>
        <source>the file system is read-only</source>
        <translation>das Dateisystem ist schreibgeschützt</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>Datei oder Ordner nicht vorhanden</translation>
    </message>
    <message>
        <source>a part of the path is not a folder</source>
        <translation>ein Teil des Pfads ist kein Ordner</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>es ist ein Ordner</translation>
    </message>
    <message>
        <source>input/output error (the disk or device may be failing)</source>
        <translation>Ein-/Ausgabefehler (der Datenträger oder das Gerät ist möglicherweise defekt)</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>die Datei ist zu groß</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>der Name ist zu lang</translation>
    </message>
    <message>
        <source>too many levels of symbolic links</source>
        <translation>zu viele Ebenen symbolischer Links</translation>
    </message>
    <message>
        <source>too many open files</source>
        <translation>zu viele geöffnete Dateien</translation>
    </message>
    <message>
        <source>it is on another file system</source>
        <translation>es liegt auf einem anderen Dateisystem</translation>
    </message>
    <message>
        <source>the file is busy</source>
        <translation>die Datei ist belegt</translation>
    </message>
    <message>
        <source>system error %1</source>
        <translation>Systemfehler %1</translation>
    </message>
</context>
<context>
    <name>ThumbnailStripMaker</name>
    <message>
        <source>%1: a strip of %2 thumbnails of %3 px is not allowed (at most %4 of %5 px)</source>
        <translation>%1: ein Streifen aus %2 Vorschaubildern zu %3 px ist nicht zulässig (höchstens %4 zu %5 px)</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Needs follow-up</source>
        <translation>Nachverfolgung erforderlich</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>1 asset</source>
        <translation>1 Anlage</translation>
    </message>
    <message>
        <source>%L1 assets</source>
        <translation>%L1 Anlagen</translation>
    </message>
    <message>
        <source>1 matching asset</source>
        <translation>1 passende Anlage</translation>
    </message>
    <message>
        <source>%L1 matching assets</source>
        <translation>%L1 passende Anlagen</translation>
    </message>
    <message>
        <source>1 capture</source>
        <translation>1 Aufnahme</translation>
    </message>
    <message>
        <source>%L1 captures</source>
        <translation>%L1 Aufnahmen</translation>
    </message>
</context>
<context>
    <name>VideoDecoder</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot be decoded as a video (corrupt or unsupported format)</source>
        <translation>kann nicht als Video dekodiert werden (beschädigt oder nicht unterstütztes Format)</translation>
    </message>
    <message>
        <source>the file holds no video stream</source>
        <translation>die Datei enthält keinen Videostream</translation>
    </message>
    <message>
        <source>the video has no decodable frame (zero frames)</source>
        <translation>das Video hat kein dekodierbares Bild (null Bilder)</translation>
    </message>
    <message>
        <source>the video&apos;s codec is not supported (%1)</source>
        <translation>der Codec des Videos wird nicht unterstützt (%1)</translation>
    </message>
    <message>
        <source>frame %1 cannot be decoded</source>
        <translation>Bild %1 kann nicht dekodiert werden</translation>
    </message>
</context>
<context>
    <name>VideoExportCommand</name>
    <message>
        <source>export-video: frame %1 of %2</source>
        <translation>export-video: Bild %1 von %2</translation>
    </message>
    <message>
        <source>  export-video MANIFEST [--from S] [--to S] --out FILE.mp4
  export-video CAPTURE_ID --workspace DIR [--from S] [--to S] --out FILE.mp4
                                Write the video, or the frames shown from --from
                                up to --to (seconds), as H.264 MP4 with its markup
                                and redactions burned in, each frame at its own
                                time. Audio is not carried.
</source>
        <translation>  export-video MANIFEST [--from S] [--to S] --out FILE.mp4
  export-video CAPTURE_ID --workspace DIR [--from S] [--to S] --out FILE.mp4
                                Das Video, oder die Bilder von --from bis
                                --to (Sekunden), als H.264-MP4 mit
                                eingebrannten Markierungen und Schwärzungen
                                schreiben, jedes Bild zu seiner eigenen Zeit.
                                Ton wird nicht übernommen.
</translation>
    </message>
    <message>
        <source>export-video needs one %1 (try --help)</source>
        <translation>export-video braucht genau ein %1 (siehe --help)</translation>
    </message>
    <message>
        <source>export-video needs --out FILE.mp4</source>
        <translation>export-video braucht --out FILE.mp4</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a time in seconds</source>
        <translation>--%1: &apos;%2&apos; ist keine Zeit in Sekunden</translation>
    </message>
    <message>
        <source>export-video: cannot open the workspace %1: %2</source>
        <translation>export-video: Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>export-video: %1: no such file</source>
        <translation>export-video: %1: Datei nicht vorhanden</translation>
    </message>
    <message>
        <source>export-video: %1</source>
        <translation>export-video: %1</translation>
    </message>
    <message>
        <source>%1: the video could not be exported</source>
        <translation>%1: das Video konnte nicht exportiert werden</translation>
    </message>
</context>
<context>
    <name>VideoExporter</name>
    <message>
        <source>the capture is a photo, not a video</source>
        <translation>die Aufnahme ist ein Foto, kein Video</translation>
    </message>
    <message>
        <source>the range %1–%2 s is outside the video (0–%3 s)</source>
        <translation>der Bereich %1–%2 s liegt außerhalb des Videos (0–%3 s)</translation>
    </message>
    <message>
        <source>the range %1–%2 s is empty</source>
        <translation>der Bereich %1–%2 s ist leer</translation>
    </message>
    <message>
        <source>the range %1–%2 s holds no frame</source>
        <translation>der Bereich %1–%2 s enthält kein Bild</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>not enough memory for frame %1</source>
        <translation>nicht genug Arbeitsspeicher für Bild %1</translation>
    </message>
    <message>
        <source>the range starts past the end of the video (%1 s, the video lasts %2 s)</source>
        <translation>der Bereich beginnt hinter dem Ende des Videos (%1 s, das Video dauert %2 s)</translation>
    </message>
    <message>
        <source>the range %1–%2 s is outside what can be read: the video ends early, at %3 s (its container says %4 s)</source>
        <translation>der Bereich %1–%2 s liegt außerhalb des Lesbaren: das Video endet vorzeitig bei %3 s (der Container gibt %4 s an)</translation>
    </message>
</context>
<context>
    <name>VideoHeader</name>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>cannot be decoded as a video (corrupt or unsupported format)</source>
        <translation>kann nicht als Video dekodiert werden (beschädigt oder nicht unterstütztes Format)</translation>
    </message>
    <message>
        <source>the file is a still image, not a video</source>
        <translation>die Datei ist ein Standbild, kein Video</translation>
    </message>
    <message>
        <source>the file holds only sound, no video stream</source>
        <translation>die Datei enthält nur Ton, keinen Videostream</translation>
    </message>
    <message>
        <source>the file holds no video stream</source>
        <translation>die Datei enthält keinen Videostream</translation>
    </message>
    <message>
        <source>the size of the video&apos;s frames cannot be read (corrupt or unsupported format)</source>
        <translation>die Größe der Videobilder kann nicht gelesen werden (beschädigt oder nicht unterstütztes Format)</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>No workspace folder given.</source>
        <translation>Kein Ordner für den Arbeitsbereich angegeben.</translation>
    </message>
    <message>
        <source>Cannot create the workspace folder %1.</source>
        <translation>Der Ordner %1 für den Arbeitsbereich kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot open the workspace %1: %2</source>
        <translation>Der Arbeitsbereich %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>The workspace %1 is damaged (%2). Nothing was written to it. Its media and manifests are intact: &quot;sightline-cli rebuild %1&quot; makes a new database from them and keeps the damaged one beside it.</source>
        <translation>Der Arbeitsbereich %1 ist beschädigt (%2). Es wurde nichts hineingeschrieben. Seine Medien und Manifeste sind intakt: &quot;sightline-cli rebuild %1&quot; erstellt daraus eine neue Datenbank und bewahrt die beschädigte daneben auf.</translation>
    </message>
    <message>
        <source>its database file is empty, while its media folder is not</source>
        <translation>seine Datenbankdatei ist leer, sein Medienordner aber nicht</translation>
    </message>
</context>
<context>
    <name>WorkspaceCheck</name>
    <message>
        <source>%1 is not a workspace (it has no %2)</source>
        <translation>%1 ist kein Arbeitsbereich (%2 fehlt)</translation>
    </message>
    <message>
        <source>capture %1: its media %2 is missing</source>
        <translation>Aufnahme %1: ihre Mediendatei %2 fehlt</translation>
    </message>
    <message>
        <source>capture %1: its media %2 cannot be read: %3</source>
        <translation>Aufnahme %1: ihre Mediendatei %2 kann nicht gelesen werden: %3</translation>
    </message>
    <message>
        <source>capture %1: its media %2 does not hold the bytes it was stored with</source>
        <translation>Aufnahme %1: ihre Mediendatei %2 enthält nicht die Bytes, mit denen sie gespeichert wurde</translation>
    </message>
    <message>
        <source>capture %1: its manifest file %2 is missing</source>
        <translation>Aufnahme %1: ihre Manifestdatei %2 fehlt</translation>
    </message>
    <message>
        <source>%1 is referenced by no capture</source>
        <translation>%1 wird von keiner Aufnahme referenziert</translation>
    </message>
    <message>
        <source>the search index does not match the assets (%1)</source>
        <translation>der Suchindex stimmt nicht mit den Anlagen überein (%1)</translation>
    </message>
</context>
<context>
    <name>WorkspaceLock</name>
    <message>
        <source>cannot create the workspace&apos;s lock file: %1</source>
        <translation>die Sperrdatei des Arbeitsbereichs kann nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>cannot lock the workspace: %1</source>
        <translation>der Arbeitsbereich kann nicht gesperrt werden: %1</translation>
    </message>
    <message>
        <source>the workspace is busy: another program has been writing to it for %1 s</source>
        <translation>der Arbeitsbereich ist belegt: ein anderes Programm schreibt seit %1 s hinein</translation>
    </message>
</context>
<context>
    <name>WorkspaceRebuilder</name>
    <message>
        <source>%1 is not a workspace (it has no media folder)</source>
        <translation>%1 ist kein Arbeitsbereich (der Medienordner fehlt)</translation>
    </message>
    <message>
        <source>%1: %2 rows</source>
        <translation>%1: %2 Zeilen</translation>
    </message>
    <message>
        <source>%1: %2 rows (the rest is unreadable)</source>
        <translation>%1: %2 Zeilen (der Rest ist unlesbar)</translation>
    </message>
    <message>
        <source>nothing could be read from the old database (%1)</source>
        <translation>aus der alten Datenbank konnte nichts gelesen werden (%1)</translation>
    </message>
    <message>
        <source>cannot keep the old database as %1: %2</source>
        <translation>die alte Datenbank kann nicht als %1 aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>cannot put the new database in place: %1</source>
        <translation>die neue Datenbank kann nicht an die Stelle der alten gesetzt werden: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Sightline</source>
        <translation>Sightline</translation>
    </message>
    <message>
        <source>The demo workspace could not be prepared: %1</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht vorbereitet werden: %1</translation>
    </message>
</context>
<context>
    <name>sl::AnnotationCanvas</name>
    <message>
        <source>Erase</source>
        <translation>Radieren</translation>
    </message>
</context>
<context>
    <name>sl::AnnotationDocument</name>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
</context>
<context>
    <name>sl::AnnotationEditorWidget</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <source>Markup colour</source>
        <translation>Markierungsfarbe</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Stift</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Blur</source>
        <translation>Unkenntlich machen</translation>
    </message>
    <message>
        <source>Colour of new markup and of the selection</source>
        <translation>Farbe neuer Markierungen und der Auswahl</translation>
    </message>
    <message>
        <source>Width of new markup and of the selection, in pixels of the photo</source>
        <translation>Breite neuer Markierungen und der Auswahl, in Pixeln des Fotos</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Highlighter</source>
        <translation>Textmarker</translation>
    </message>
    <message>
        <source>Pixelate</source>
        <translation>Verpixeln</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>Radiergummi</translation>
    </message>
</context>
<context>
    <name>sl::AnnotationWindow</name>
    <message>
        <source>Annotate %1</source>
        <translation>%1 annotieren</translation>
    </message>
    <message>
        <source>Export image…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <source>The last change is not saved: %1</source>
        <translation>Die letzte Änderung wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Export the annotated image</source>
        <translation>Annotiertes Bild exportieren</translation>
    </message>
    <message>
        <source>PNG image (*.png);;JPEG image (*.jpg *.jpeg)</source>
        <translation>PNG-Bild (*.png);;JPEG-Bild (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>The image was not exported: %1</source>
        <translation>Das Bild wurde nicht exportiert: %1</translation>
    </message>
</context>
<context>
    <name>sl::AssetBrowserWidget</name>
    <message>
        <source>Search assets by name, tag, account, product…</source>
        <translation>Anlagen nach Name, Kennzeichen, Kunde, Produkt suchen…</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Words match from their beginning; tags and serial numbers by any part (Ctrl+F)</source>
        <translation>Wörter werden ab ihrem Anfang verglichen, Kennzeichen und Seriennummern an beliebiger Stelle (Strg+F)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Recently modified</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Beste Übereinstimmung</translation>
    </message>
    <message>
        <source>Sort order of the list</source>
        <translation>Sortierung der Liste</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Matching assets as a list (Ctrl+1)</source>
        <translation>Passende Anlagen als Liste (Strg+1)</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>Hierarchie</translation>
    </message>
    <message>
        <source>All assets by parent and sub-asset (Ctrl+2)</source>
        <translation>Alle Anlagen nach übergeordneten Anlagen und Unteranlagen (Strg+2)</translation>
    </message>
    <message>
        <source>Sort:</source>
        <translation>Sortierung:</translation>
    </message>
    <message>
        <source>Top-level assets and their sub-assets</source>
        <translation>Anlagen der obersten Ebene und ihre Unteranlagen</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>%1+ matching assets</source>
        <translation>%1+ passende Anlagen</translation>
    </message>
    <message>
        <source>%1+ assets</source>
        <translation>%1+ Anlagen</translation>
    </message>
    <message>
        <source>Every asset, top level first (the search and filters narrow the list)</source>
        <translation>Alle Anlagen, oberste Ebene zuerst (Suche und Filter schränken die Liste ein)</translation>
    </message>
</context>
<context>
    <name>sl::AssetCsvImportDialog</name>
    <message>
        <source>Import assets from CSV</source>
        <translation>Anlagen aus CSV importieren</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Keine Datei ausgewählt.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Why it is not imported</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>Choose &amp;file…</source>
        <translation>&amp;Datei auswählen…</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation>Abgelehnte Zeilen &amp;speichern…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>S&amp;chließen</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>Abgelehnte Zeilen speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Die Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Columns not in the template are ignored: %1</source>
        <translation>Spalten, die nicht in der Vorlage vorkommen, werden ignoriert: %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Wird importiert…</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>Rejected rows saved to %1</source>
        <translation>Abgelehnte Zeilen in %1 gespeichert</translation>
    </message>
    <message>
        <source>The rejected rows could not be saved: %1</source>
        <translation>Die abgelehnten Zeilen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>1 row will be imported as a new asset.</source>
        <translation>1 Zeile wird als neue Anlage importiert.</translation>
    </message>
    <message>
        <source>%1 rows will be imported as new assets.</source>
        <translation>%1 Zeilen werden als neue Anlagen importiert.</translation>
    </message>
    <message>
        <source>1 row is rejected.</source>
        <translation>1 Zeile wird abgelehnt.</translation>
    </message>
    <message>
        <source>%1 rows are rejected.</source>
        <translation>%1 Zeilen werden abgelehnt.</translation>
    </message>
    <message>
        <source>Imported %1. They wait in the outbox to be sent to the asset store.</source>
        <translation>%1 importiert. Sie warten im Postausgang darauf, an den Anlagenspeicher gesendet zu werden.</translation>
    </message>
</context>
<context>
    <name>sl::AssetDetailsWidget</name>
    <message>
        <source>Asset tag:</source>
        <translation>Anlagenkennzeichen:</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Kunde:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>Parent:</source>
        <translation>Übergeordnet:</translation>
    </message>
    <message>
        <source>Children:</source>
        <translation>Untergeordnet:</translation>
    </message>
    <message>
        <source>Captures:</source>
        <translation>Aufnahmen:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Standort:</translation>
    </message>
    <message>
        <source>No asset selected</source>
        <translation>Keine Anlage ausgewählt</translation>
    </message>
    <message>
        <source>(unnamed asset)</source>
        <translation>(unbenannte Anlage)</translation>
    </message>
    <message>
        <source>None (top-level asset)</source>
        <translation>Keine (Anlage der obersten Ebene)</translation>
    </message>
    <message>
        <source>Unknown asset</source>
        <translation>Unbekannte Anlage</translation>
    </message>
    <message>
        <source>Show the parent asset</source>
        <translation>Übergeordnete Anlage anzeigen</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <source>%1° N</source>
        <translation>%1° N</translation>
    </message>
    <message>
        <source>%1° S</source>
        <translation>%1° S</translation>
    </message>
    <message>
        <source>%1° E</source>
        <translation>%1° O</translation>
    </message>
    <message>
        <source>%1° W</source>
        <translation>%1° W</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Master asset path:</source>
        <translation>Pfad ab Hauptanlage:</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Geändert:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sub-assets</source>
        <translation>Unteranlagen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>… and %1 more (see the hierarchy)</source>
        <translation>… und %1 weitere (siehe Hierarchie)</translation>
    </message>
    <message>
        <source>Sub-assets (%1)</source>
        <translation>Unteranlagen (%1)</translation>
    </message>
    <message>
        <source>History (%1)</source>
        <translation>Verlauf (%1)</translation>
    </message>
</context>
<context>
    <name>sl::AssetEditDialog</name>
    <message>
        <source>New asset</source>
        <translation>Neue Anlage</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Required, at most 100 characters</source>
        <translation>Erforderlich, höchstens 100 Zeichen</translation>
    </message>
    <message>
        <source>Asset &amp;tag:</source>
        <translation>Anlagen&amp;kennzeichen:</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Anlagenkennzeichen</translation>
    </message>
    <message>
        <source>e.g. AT-001002</source>
        <translation>z. B. AT-001002</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>K&amp;unde:</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>An account&apos;s name</source>
        <translation>Name eines Kunden</translation>
    </message>
    <message>
        <source>&amp;Product:</source>
        <translation>Pro&amp;dukt:</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>A product&apos;s name</source>
        <translation>Name eines Produkts</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>Ka&amp;tegorie:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>A category&apos;s name</source>
        <translation>Name einer Kategorie</translation>
    </message>
    <message>
        <source>Pa&amp;rent asset:</source>
        <translation>Über&amp;geordnete Anlage:</translation>
    </message>
    <message>
        <source>Parent asset</source>
        <translation>Übergeordnete Anlage</translation>
    </message>
    <message>
        <source>An asset&apos;s name or id; empty: top level</source>
        <translation>Name oder ID einer Anlage; leer: oberste Ebene</translation>
    </message>
    <message>
        <source>&amp;Latitude:</source>
        <translation>&amp;Breitengrad:</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Degrees, −90 to 90</source>
        <translation>Grad, −90 bis 90</translation>
    </message>
    <message>
        <source>L&amp;ongitude:</source>
        <translation>&amp;Längengrad:</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Degrees, −180 to 180</source>
        <translation>Grad, −180 bis 180</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number</source>
        <translation>%1: &quot;%2&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Give both latitude and longitude, or clear both to remove the location</source>
        <translation>Breiten- und Längengrad angeben oder beide leeren, um den Standort zu entfernen</translation>
    </message>
</context>
<context>
    <name>sl::AssetField</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Asset tag</source>
        <translation>Anlagenkennzeichen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Parent asset</source>
        <translation>Übergeordnete Anlage</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Breitengrad</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Längengrad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>sl::AssetFinder</name>
    <message>
        <source>modified since: &apos;%1&apos; is not an ISO 8601 date or date-time (e.g. 2026-03-01 or 2026-03-01T08:00:00Z)</source>
        <translation>Geändert seit: &apos;%1&apos; ist kein Datum und kein Zeitpunkt nach ISO 8601 (z. B. 2026-03-01 oder 2026-03-01T08:00:00Z)</translation>
    </message>
</context>
<context>
    <name>sl::AssetItemDelegate</name>
    <message>
        <source>%1  ·  %2</source>
        <translation>%1  ·  %2</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>%1  [inactive]</source>
        <translation>%1  [inaktiv]</translation>
    </message>
</context>
<context>
    <name>sl::AssetListModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
<context>
    <name>sl::BookmarkPanel</name>
    <message>
        <source>Bookmarks</source>
        <translation>Lesezeichen</translation>
    </message>
    <message>
        <source>Bookmark the loop range, or the frame on screen (M)</source>
        <translation>Lesezeichen für den Schleifenbereich oder das angezeigte Bild setzen (M)</translation>
    </message>
    <message>
        <source>Delete the selected bookmark (Delete)</source>
        <translation>Ausgewähltes Lesezeichen löschen (Entf)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Double-click or Enter to jump to a bookmark; F2 to rename it</source>
        <translation>Doppelklick oder Eingabetaste springt zum Lesezeichen; F2 benennt es um</translation>
    </message>
    <message>
        <source>Delete bookmark</source>
        <translation>Lesezeichen löschen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>unknown author</source>
        <translation>unbekannter Autor</translation>
    </message>
</context>
<context>
    <name>sl::CaptureGalleryWidget</name>
    <message>
        <source>This asset has no captures.</source>
        <translation>Diese Anlage hat keine Aufnahmen.</translation>
    </message>
    <message>
        <source>Select an asset to see its captures.</source>
        <translation>Wählen Sie eine Anlage aus, um ihre Aufnahmen zu sehen.</translation>
    </message>
    <message>
        <source>%1
Captured by %2
Double-click or press Enter to open.</source>
        <translation>%1
Aufgenommen von %2
Zum Öffnen doppelklicken oder die Eingabetaste drücken.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 · %2
%3</source>
        <translation>%1 · %2
%3</translation>
    </message>
    <message>
        <source>The media file is missing: %1</source>
        <translation>Die Mediendatei fehlt: %1</translation>
    </message>
    <message>
        <source>No thumbnail: %1</source>
        <translation>Kein Vorschaubild: %1</translation>
    </message>
    <message>
        <source>%1
loading…</source>
        <translation>%1
wird geladen…</translation>
    </message>
    <message>
        <source>All review statuses</source>
        <translation>Alle Prüfstatus</translation>
    </message>
    <message>
        <source>Review as</source>
        <translation>Prüfstatus setzen</translation>
    </message>
    <message numerus="yes">
        <source>Review %n captures as</source>
        <translation>
            <numerusform>Prüfstatus von %n Aufnahme setzen</numerusform>
            <numerusform>Prüfstatus von %n Aufnahmen setzen</numerusform>
        </translation>
    </message>
    <message>
        <source>Review with a note…</source>
        <translation>Mit Notiz prüfen…</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Prüfnotiz</translation>
    </message>
    <message numerus="yes">
        <source>Note for %n capture(s):</source>
        <translation>
            <numerusform>Notiz für %n Aufnahme:</numerusform>
            <numerusform>Notiz für %n Aufnahmen:</numerusform>
        </translation>
    </message>
    <message>
        <source>On the asset store, not fetched yet: open it to fetch it.</source>
        <translation>Im Anlagenspeicher, noch nicht geholt: zum Holen öffnen.</translation>
    </message>
</context>
<context>
    <name>sl::CaptureViewerWidget</name>
    <message>
        <source>Double-click a capture, or select it and press Enter, to view it here.</source>
        <translation>Doppelklicken Sie auf eine Aufnahme oder wählen Sie sie aus und drücken Sie die Eingabetaste, um sie hier anzuzeigen.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>The stored manifest of this capture no longer reads (%1): its markup and camera are not shown.</source>
        <translation>Das gespeicherte Manifest dieser Aufnahme ist nicht mehr lesbar (%1): Markierungen und Kamera werden nicht angezeigt.</translation>
    </message>
    <message>
        <source>This capture was deleted on the asset store. What is shown is what was open; it is no longer in this workspace.</source>
        <translation>Diese Aufnahme wurde im Anlagenspeicher gelöscht. Angezeigt wird, was geöffnet war; sie ist nicht mehr in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>%1 (deleted)</source>
        <translation>%1 (gelöscht)</translation>
    </message>
</context>
<context>
    <name>sl::CompareActions</name>
    <message>
        <source>Co&amp;mpare with…</source>
        <translation>&amp;Vergleichen mit…</translation>
    </message>
    <message>
        <source>Select a capture to compare.</source>
        <translation>Wählen Sie eine Aufnahme zum Vergleichen aus.</translation>
    </message>
    <message>
        <source>This asset has no other capture to compare with.</source>
        <translation>Diese Anlage hat keine andere Aufnahme zum Vergleichen.</translation>
    </message>
    <message>
        <source>Compare these two</source>
        <translation>Diese beiden vergleichen</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>The captures could not be read: %1</source>
        <translation>Die Aufnahmen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>That capture is not in this workspace.</source>
        <translation>Diese Aufnahme ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Only captures of the same asset can be compared.</source>
        <translation>Nur Aufnahmen derselben Anlage können verglichen werden.</translation>
    </message>
</context>
<context>
    <name>sl::CompareChooserDialog</name>
    <message>
        <source>Compare with</source>
        <translation>Vergleichen mit</translation>
    </message>
    <message>
        <source>Compare %1 with:</source>
        <translation>%1 vergleichen mit:</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>A capture in Compare: type and date.</extracomment>
        <translation>%1 vom %2</translation>
    </message>
    <message>
        <source>%1 of %2 by %3</source>
        <extracomment>A capture in Compare: type, date and who took it.</extracomment>
        <translation>%1 vom %2 (%3)</translation>
    </message>
</context>
<context>
    <name>sl::CompareSide</name>
    <message>
        <source>Markup not shown: %1</source>
        <translation>Markierungen nicht angezeigt: %1</translation>
    </message>
    <message>
        <source>Loading video…</source>
        <translation>Video wird geladen…</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>Foto wird geladen…</translation>
    </message>
    <message>
        <source>The video ends early, at %1 s</source>
        <translation>Das Video endet vorzeitig bei %1 s</translation>
    </message>
    <message>
        <source>the video has no frame</source>
        <translation>das Video hat kein Bild</translation>
    </message>
    <message>
        <source>%1 cannot be shown: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>Frame %1 cannot be shown: %2</source>
        <translation>Bild %1 kann nicht angezeigt werden: %2</translation>
    </message>
</context>
<context>
    <name>sl::CompareSound</name>
    <message>
        <source>No sound</source>
        <translation>Kein Ton</translation>
    </message>
    <message>
        <source>Sound of A</source>
        <translation>Ton von A</translation>
    </message>
    <message>
        <source>Sound of B</source>
        <translation>Ton von B</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Kein Audiogerät</translation>
    </message>
</context>
<context>
    <name>sl::CompareWindow</name>
    <message>
        <source>Compare captures</source>
        <translation>Aufnahmen vergleichen</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>Wischblende</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>older</source>
        <translation>älter</translation>
    </message>
    <message>
        <source>newer</source>
        <translation>neuer</translation>
    </message>
    <message>
        <source>%1 · &lt;b&gt;%2&lt;/b&gt;</source>
        <extracomment>A compared capture&apos;s title: what it is (type, date, who) and whether it is the older or newer of the two.</extracomment>
        <translation>%1 · &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Compare %1 and %2</source>
        <translation>Vergleich: %1 und %2</translation>
    </message>
    <message>
        <source>Aligned by capture time: B starts %1 s after A</source>
        <translation>Nach Aufnahmezeit ausgerichtet: B beginnt %1 s nach A</translation>
    </message>
    <message>
        <source>Aligned by capture time: B starts %1 s before A</source>
        <translation>Nach Aufnahmezeit ausgerichtet: B beginnt %1 s vor A</translation>
    </message>
    <message>
        <source>Aligned at their starts (no shared spatial frame): offset 0 s</source>
        <translation>Am Anfang ausgerichtet (kein gemeinsames räumliches Bezugssystem): Versatz 0 s</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>starts in %1 s</source>
        <extracomment>A compared video whose first frame comes later on the shared clock (it shows that frame meanwhile).</extracomment>
        <translation>beginnt in %1 s</translation>
    </message>
    <message>
        <source>frame %1/%2</source>
        <translation>Bild %1/%2</translation>
    </message>
    <message>
        <source>%1 / %2   A: %3   B: %4</source>
        <translation>%1 / %2   A: %3   B: %4</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Ton</translation>
    </message>
</context>
<context>
    <name>sl::ConflictDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <source>Review note</source>
        <translation>Prüfnotiz</translation>
    </message>
    <message>
        <source>Markup (manifest)</source>
        <translation>Markierungen (Manifest)</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>Synchronisierungskonflikte</translation>
    </message>
    <message>
        <source>These fields were changed here and in the asset store since the last sync. Choose for each which value to keep.</source>
        <translation>Diese Felder wurden seit der letzten Synchronisierung hier und im Anlagenspeicher geändert. Wählen Sie für jedes Feld, welcher Wert gelten soll.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Ausgangswert</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Anlagenspeicher</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Auflösen</translation>
    </message>
    <message>
        <source>Asset %1</source>
        <translation>Anlage %1</translation>
    </message>
    <message>
        <source>Capture %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>%1: 1 field in conflict</source>
        <translation>%1: 1 Feld im Konflikt</translation>
    </message>
    <message>
        <source>%1: %2 fields in conflict</source>
        <translation>%1: %2 Felder im Konflikt</translation>
    </message>
    <message>
        <source>No conflicts: every edit went to the asset store or waits to be pushed.</source>
        <translation>Keine Konflikte: Jede Änderung wurde an den Anlagenspeicher gesendet oder wartet darauf, gesendet zu werden.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Eigener Wert</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>Wird aufgelöst…</translation>
    </message>
    <message>
        <source>Resolved; the next sync sends what is left to send.</source>
        <translation>Aufgelöst; die nächste Synchronisierung sendet, was noch zu senden ist.</translation>
    </message>
</context>
<context>
    <name>sl::ConnectDialog</name>
    <message>
        <source>Connect to the asset store</source>
        <translation>Mit dem Anlagenspeicher verbinden</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Umgebung:</translation>
    </message>
    <message>
        <source>Sign-in service</source>
        <translation>Anmeldedienst</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>Autorität:</translation>
    </message>
    <message>
        <source>Client ID:</source>
        <translation>Client-ID:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Anmelden</translation>
    </message>
    <message>
        <source>Code to enter</source>
        <translation>Einzugebender Code</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Anmeldung abgebrochen.</translation>
    </message>
    <message>
        <source>The sign-in service&apos;s authority is not a web address.</source>
        <translation>Die Autorität des Anmeldedienstes ist keine Webadresse.</translation>
    </message>
    <message>
        <source>Enter the client ID Sightline is registered under.</source>
        <translation>Geben Sie die Client-ID ein, unter der Sightline registriert ist.</translation>
    </message>
    <message>
        <source>Asking %1 for a code…</source>
        <translation>Code wird bei %1 angefordert…</translation>
    </message>
    <message>
        <source>Open &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; in a browser, sign in, and enter this code:</source>
        <translation>Öffnen Sie &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt; in einem Browser, melden Sie sich an und geben Sie diesen Code ein:</translation>
    </message>
    <message>
        <source>Waiting for the sign-in to be approved…</source>
        <translation>Warten auf die Bestätigung der Anmeldung…</translation>
    </message>
    <message>
        <source>The code expires in %1:%2.</source>
        <translation>Der Code läuft in %1:%2 ab.</translation>
    </message>
    <message>
        <source>Signed in to %1.</source>
        <translation>Bei %1 angemeldet.</translation>
    </message>
    <message>
        <source>Signed in as %1 to %2.</source>
        <translation>Als %1 bei %2 angemeldet.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>sl::CurrentManifest</name>
    <message>
        <source>The stored manifest of capture %1 no longer reads (%2): its markup cannot be changed.</source>
        <translation>Das gespeicherte Manifest der Aufnahme %1 ist nicht mehr lesbar (%2): Die Markierungen der Aufnahme können nicht geändert werden.</translation>
    </message>
</context>
<context>
    <name>sl::Database</name>
    <message>
        <source>The workspace database %1 was used from a thread that does not own it.</source>
        <translation>Die Datenbank des Arbeitsbereichs %1 wurde von einem Thread verwendet, dem sie nicht gehört.</translation>
    </message>
</context>
<context>
    <name>sl::DemoBuildDialog</name>
    <message>
        <source>Preparing the demo workspace</source>
        <translation>Demo-Arbeitsbereich wird vorbereitet</translation>
    </message>
    <message>
        <source>Preparing the demo workspace…</source>
        <translation>Demo-Arbeitsbereich wird vorbereitet…</translation>
    </message>
    <message>
        <source>The demo workspace could not be built.</source>
        <translation>Der Demo-Arbeitsbereich konnte nicht erstellt werden.</translation>
    </message>
</context>
<context>
    <name>sl::DemoCaptureGenerator</name>
    <message>
        <source>%1: the encoder wrote no video</source>
        <translation>%1: Der Encoder hat kein Video geschrieben</translation>
    </message>
    <message>
        <source>%1: the photo could not be encoded as JPEG</source>
        <translation>%1: Das Foto konnte nicht als JPEG kodiert werden</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>%1: rendering failed: %2</source>
        <translation>%1: Rendern fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>no asset to make demo captures for</source>
        <translation>keine Anlage vorhanden, für die Demo-Aufnahmen erstellt werden können</translation>
    </message>
    <message>
        <source>nothing to generate: %1 videos, %2 photos</source>
        <translation>nichts zu erzeugen: %1 Videos, %2 Fotos</translation>
    </message>
    <message>
        <source>video length %1 s is out of range (more than 0, at most 600)</source>
        <translation>Videolänge %1 s liegt außerhalb des zulässigen Bereichs (größer als 0, höchstens 600)</translation>
    </message>
    <message>
        <source>frame rate %1 is out of range (1 to 240)</source>
        <translation>Bildrate %1 liegt außerhalb des zulässigen Bereichs (1 bis 240)</translation>
    </message>
    <message>
        <source>image size %1x%2 is not supported (even, 64x64 to 7680x4320)</source>
        <translation>Bildgröße %1x%2 wird nicht unterstützt (gerade Werte, 64x64 bis 7680x4320)</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht erstellt werden</translation>
    </message>
    <message>
        <source>%1: a frame could not be rendered</source>
        <translation>%1: ein Einzelbild konnte nicht gezeichnet werden</translation>
    </message>
</context>
<context>
    <name>sl::DeviceCodeSignIn</name>
    <message>
        <source>Cannot reach the sign-in service at %1 (%2).</source>
        <translation>Der Anmeldedienst unter %1 ist nicht erreichbar (%2).</translation>
    </message>
    <message>
        <source>Cannot sign in: %1.</source>
        <translation>Anmeldung nicht möglich: %1.</translation>
    </message>
    <message>
        <source>The code expired before the sign-in was approved. Sign in again for a new code.</source>
        <translation>Der Code ist abgelaufen, bevor die Anmeldung bestätigt wurde. Melden Sie sich erneut an, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in was declined.</source>
        <translation>Die Anmeldung wurde abgelehnt.</translation>
    </message>
    <message>
        <source>The sign-in service does not know this code. Sign in again for a new code.</source>
        <translation>Der Anmeldedienst kennt diesen Code nicht. Melden Sie sich erneut an, um einen neuen Code zu erhalten.</translation>
    </message>
    <message>
        <source>The sign-in service refused the code (invalid_grant).</source>
        <translation>Der Anmeldedienst hat den Code abgelehnt (invalid_grant).</translation>
    </message>
</context>
<context>
    <name>sl::FacetPanel</name>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfstatus</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>With captures</source>
        <translation>Mit Aufnahmen</translation>
    </message>
    <message>
        <source>Without captures</source>
        <translation>Ohne Aufnahmen</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ohne)</translation>
    </message>
    <message>
        <source>Modified since</source>
        <translation>Geändert seit</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 selected)</source>
        <translation>%1 (%2 ausgewählt)</translation>
    </message>
</context>
<context>
    <name>sl::FileDownloadJob</name>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>the file is %1 bytes; the limit is %2 bytes</source>
        <translation>die Datei hat %1 Bytes; zulässig sind höchstens %2 Bytes</translation>
    </message>
    <message>
        <source>the range asked for from byte %1 came back as %2 &apos;%3&apos; with %4 bytes</source>
        <translation>der ab Byte %1 angeforderte Bereich kam als %2 &apos;%3&apos; mit %4 Bytes zurück</translation>
    </message>
    <message>
        <source>%1 cannot be synced to disk</source>
        <translation>%1 kann nicht dauerhaft auf den Datenträger geschrieben werden</translation>
    </message>
    <message>
        <source>%1 cannot be renamed to %2</source>
        <translation>%1 kann nicht in %2 umbenannt werden</translation>
    </message>
</context>
<context>
    <name>sl::FileUploadJob</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a column name</source>
        <translation>&apos;%1&apos; ist kein Spaltenname</translation>
    </message>
    <message>
        <source>the store opened no upload session on its own address (Location: &apos;%1&apos;)</source>
        <translation>der Speicher hat keine Upload-Sitzung unter seiner eigenen Adresse geöffnet (Location: &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>%1 changed while it was uploaded</source>
        <translation>%1 wurde während des Hochladens geändert</translation>
    </message>
    <message>
        <source>the store answered %1 to the chunk %2</source>
        <translation>der Speicher hat auf den Block %2 mit %1 geantwortet</translation>
    </message>
</context>
<context>
    <name>sl::FrameExporter</name>
    <message>
        <source>no output file given</source>
        <translation>keine Ausgabedatei angegeben</translation>
    </message>
    <message>
        <source>%1: no such capture in the workspace</source>
        <translation>%1: keine solche Aufnahme im Arbeitsbereich</translation>
    </message>
    <message>
        <source>the stored media path is refused</source>
        <translation>der gespeicherte Medienpfad wird abgelehnt</translation>
    </message>
    <message>
        <source>the written file cannot be read back</source>
        <translation>die geschriebene Datei kann nicht wieder gelesen werden</translation>
    </message>
</context>
<context>
    <name>sl::InlineTextEditor</name>
    <message>
        <source>Label</source>
        <translation>Beschriftung</translation>
    </message>
</context>
<context>
    <name>sl::KeychainSecretStore</name>
    <message>
        <source>No keychain: you will sign in again next time (%1).</source>
        <translation>Kein Schlüsselbund: Sie müssen sich beim nächsten Mal erneut anmelden (%1).</translation>
    </message>
    <message>
        <source>The keychain refused access (is it locked?): you will sign in again next time (%1).</source>
        <translation>Der Schlüsselbund hat den Zugriff verweigert (ist er gesperrt?): Sie müssen sich beim nächsten Mal erneut anmelden (%1).</translation>
    </message>
</context>
<context>
    <name>sl::MainWindow</name>
    <message>
        <source>Sightline</source>
        <translation>Sightline</translation>
    </message>
    <message>
        <source>Captures</source>
        <translation>Aufnahmen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Import captures…</source>
        <translation>Aufnahmen &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Sightline</source>
        <translation>Ü&amp;ber Sightline</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Find asset</source>
        <translation>Anlage suchen</translation>
    </message>
    <message>
        <source>%1 — Sightline</source>
        <translation>%1 — Sightline</translation>
    </message>
    <message>
        <source>That asset is not in this workspace.</source>
        <translation>Diese Anlage ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Captures of %1 (%L2)</source>
        <translation>Aufnahmen von %1 (%L2)</translation>
    </message>
    <message>
        <source>The workspace could not be read: %1</source>
        <translation>Der Arbeitsbereich konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>That capture is not in this workspace.</source>
        <translation>Diese Aufnahme ist nicht in diesem Arbeitsbereich.</translation>
    </message>
    <message>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Create a workspace?</source>
        <translation>Arbeitsbereich erstellen?</translation>
    </message>
    <message>
        <source>%1 holds no Sightline workspace. Create a new, empty workspace in this folder?</source>
        <translation>%1 enthält keinen Sightline-Arbeitsbereich. Möchten Sie in diesem Ordner einen neuen, leeren Arbeitsbereich erstellen?</translation>
    </message>
    <message>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Import captures from folder</source>
        <translation>Aufnahmen aus Ordner importieren</translation>
    </message>
    <message>
        <source>Importing captures from %1…</source>
        <translation>Aufnahmen werden aus %1 importiert…</translation>
    </message>
    <message>
        <source>Import captures</source>
        <translation>Aufnahmen importieren</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>Imported %1 from %2.</source>
        <translation>%1 aus %2 importiert.</translation>
    </message>
    <message>
        <source>1 capture could not be imported; see the details.</source>
        <translation>1 Aufnahme konnte nicht importiert werden; siehe Details.</translation>
    </message>
    <message>
        <source>%L1 captures could not be imported; see the details.</source>
        <translation>%L1 Aufnahmen konnten nicht importiert werden; siehe Details.</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Kein Arbeitsbereich geöffnet</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Arbeitsbereich: %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>About Sightline</source>
        <translation>Über Sightline</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;Review field captures of equipment with their spatial markup.&lt;/p&gt;&lt;p&gt;Photos and videos are shown with the markup their technicians drew, in 3D and on the image.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sightline %1&lt;/h3&gt;&lt;p&gt;Vor-Ort-Aufnahmen von Anlagen mit ihren räumlichen Markierungen prüfen.&lt;/p&gt;&lt;p&gt;Fotos und Videos werden mit den Markierungen angezeigt, die die Techniker gezeichnet haben – in 3D und auf dem Bild.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import in progress</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <source>Captures are being imported. Close Sightline once the import has finished.</source>
        <translation>Aufnahmen werden gerade importiert. Schließen Sie Sightline, sobald der Import abgeschlossen ist.</translation>
    </message>
    <message>
        <source>&amp;Asset</source>
        <translation>&amp;Anlage</translation>
    </message>
    <message>
        <source>&amp;New asset…</source>
        <translation>&amp;Neue Anlage…</translation>
    </message>
    <message>
        <source>&amp;Edit asset…</source>
        <translation>Anlage &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Deactivate asset</source>
        <translation>Anlage &amp;deaktivieren</translation>
    </message>
    <message>
        <source>Import assets from &amp;CSV…</source>
        <translation>Anlagen aus &amp;CSV importieren…</translation>
    </message>
    <message>
        <source>Saved; the change waits in the outbox to be sent.</source>
        <translation>Gespeichert; die Änderung wartet im Postausgang darauf, gesendet zu werden.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Nichts zu ändern.</translation>
    </message>
    <message>
        <source>Asset not changed</source>
        <translation>Anlage nicht geändert</translation>
    </message>
    <message>
        <source>Re&amp;activate asset</source>
        <translation>Anlage wieder &amp;aktivieren</translation>
    </message>
    <message>
        <source>&amp;Capture</source>
        <translation>Auf&amp;nahme</translation>
    </message>
    <message>
        <source>&amp;Annotate photo…</source>
        <translation>Foto &amp;annotieren…</translation>
    </message>
    <message>
        <source>The review was not saved: %1</source>
        <translation>Der Prüfstatus wurde nicht gespeichert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Reviewed %n capture(s).</source>
        <translation>
            <numerusform>%n Aufnahme geprüft.</numerusform>
            <numerusform>%n Aufnahmen geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a photo to annotate it.</source>
        <translation>Öffnen Sie ein Foto, um es zu annotieren.</translation>
    </message>
    <message>
        <source>The bookmark was not saved: %1</source>
        <translation>Das Lesezeichen wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Making a snapshot…</source>
        <translation>Standbild wird erstellt…</translation>
    </message>
    <message>
        <source>The snapshot was not saved: %1</source>
        <translation>Das Standbild wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Snapshot saved as a new capture.</source>
        <translation>Standbild als neue Aufnahme gespeichert.</translation>
    </message>
</context>
<context>
    <name>sl::ManifestReader</name>
    <message>
        <source>is not a regular file</source>
        <translation>ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>undefined</source>
        <translation>undefiniert</translation>
    </message>
    <message>
        <source>must be %1, not %2</source>
        <translation>muss %1 sein, ist aber %2</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>ist erforderlich</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>darf nicht leer sein</translation>
    </message>
    <message>
        <source>must be positive, not %1</source>
        <translation>muss positiv sein, nicht %1</translation>
    </message>
    <message>
        <source>must be a positive whole number of pixels, not %1</source>
        <translation>muss eine positive ganze Zahl von Pixeln sein, nicht %1</translation>
    </message>
    <message>
        <source>is not a finite number</source>
        <translation>ist keine endliche Zahl</translation>
    </message>
    <message>
        <source>an array of numbers</source>
        <translation>ein Array aus Zahlen</translation>
    </message>
    <message>
        <source>is &quot;%1&quot;, not &quot;sightline-capture&quot;</source>
        <translation>ist &quot;%1&quot;, nicht &quot;sightline-capture&quot;</translation>
    </message>
    <message>
        <source>must be a whole number, not %1</source>
        <translation>muss eine ganze Zahl sein, nicht %1</translation>
    </message>
    <message>
        <source>version %1 is newer than this Sightline reads (%2)</source>
        <translation>Version %1 ist neuer als die, die diese Sightline-Version lesen kann (%2)</translation>
    </message>
    <message>
        <source>version %1 does not exist (the first is 1)</source>
        <translation>Version %1 existiert nicht (die erste ist 1)</translation>
    </message>
    <message>
        <source>must be &quot;photo&quot; or &quot;video&quot;, not &quot;%1&quot;</source>
        <translation>muss &quot;photo&quot; oder &quot;video&quot; sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>must have 4, 5, 8, 12 or 14 coefficients, not %1</source>
        <translation>muss 4, 5, 8, 12 oder 14 Koeffizienten haben, nicht %1</translation>
    </message>
    <message>
        <source>must have 16 numbers (a row-major 4x4), not %1</source>
        <translation>muss 16 Zahlen haben (eine zeilenweise 4x4-Matrix), nicht %1</translation>
    </message>
    <message>
        <source>the last row must be 0 0 0 1, not %1 %2 %3 %4</source>
        <translation>die letzte Zeile muss 0 0 0 1 sein, nicht %1 %2 %3 %4</translation>
    </message>
    <message>
        <source>the upper-left 3x3 is not a rotation (R^T R differs from I by %1)</source>
        <translation>die obere linke 3x3-Matrix ist keine Rotation (R^T R weicht um %1 von I ab)</translation>
    </message>
    <message>
        <source>the upper-left 3x3 is a reflection (determinant %1)</source>
        <translation>die obere linke 3x3-Matrix ist eine Spiegelung (Determinante %1)</translation>
    </message>
    <message>
        <source>is required with a rotation</source>
        <translation>ist bei einer Rotation erforderlich</translation>
    </message>
    <message>
        <source>is required with a position</source>
        <translation>ist bei einer Position erforderlich</translation>
    </message>
    <message>
        <source>must have 3 numbers [x, y, z], not %1</source>
        <translation>muss 3 Zahlen [x, y, z] haben, nicht %1</translation>
    </message>
    <message>
        <source>must have 4 numbers [x, y, z, w], not %1</source>
        <translation>muss 4 Zahlen [x, y, z, w] haben, nicht %1</translation>
    </message>
    <message>
        <source>is not a unit quaternion (|q| = %1)</source>
        <translation>ist kein Einheitsquaternion (|q| = %1)</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>has both a matrix and a position/rotation; give only one</source>
        <translation>hat sowohl eine Matrix als auch Position/Rotation; geben Sie nur eines davon an</translation>
    </message>
    <message>
        <source>needs a matrix, or a position and a rotation</source>
        <translation>erfordert eine Matrix oder eine Position und eine Rotation</translation>
    </message>
    <message>
        <source>must be &quot;opencv&quot; or &quot;opengl&quot;, not &quot;%1&quot;</source>
        <translation>muss &quot;opencv&quot; oder &quot;opengl&quot; sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>is required when poses are given</source>
        <translation>ist erforderlich, wenn Kameraposen angegeben sind</translation>
    </message>
    <message>
        <source>a photo has exactly one pose, not %1</source>
        <translation>ein Foto hat genau eine Kamerapose, nicht %1</translation>
    </message>
    <message>
        <source>times must increase: %1 s does not follow %2 s</source>
        <translation>Zeiten müssen aufsteigend sein: %1 s folgt nicht auf %2 s</translation>
    </message>
    <message>
        <source>is not valid JSON: %1 at byte %2</source>
        <translation>ist kein gültiges JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object</source>
        <translation>die oberste Ebene muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of markups[%2]</source>
        <translation>&quot;%1&quot; ist bereits die id von markups[%2]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a known kind (ink, arrow, line, rect, ellipse, text, blur)</source>
        <translation>&quot;%1&quot; ist keine bekannte Art (ink, arrow, line, rect, ellipse, text, blur)</translation>
    </message>
    <message>
        <source>must be &quot;world&quot; or &quot;image&quot;, not &quot;%1&quot;</source>
        <translation>muss &quot;world&quot; oder &quot;image&quot; sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>a blur is a redaction of the image: its space must be &quot;image&quot;</source>
        <translation>ein blur ist eine Schwärzung des Bildes: sein space muss &quot;image&quot; sein</translation>
    </message>
    <message>
        <source>must have exactly %1 points for kind &quot;%2&quot;, not %3</source>
        <translation>muss für die Art &quot;%2&quot; genau %1 Punkte haben, nicht %3</translation>
    </message>
    <message>
        <source>needs at least one point</source>
        <translation>erfordert mindestens einen Punkt</translation>
    </message>
    <message>
        <source>a world point has 3 numbers [x, y, z], not %1</source>
        <translation>ein Weltpunkt hat 3 Zahlen [x, y, z], nicht %1</translation>
    </message>
    <message>
        <source>an image point has 2 numbers [u, v], not %1</source>
        <translation>ein Bildpunkt hat 2 Zahlen [u, v], nicht %1</translation>
    </message>
    <message>
        <source>must be #RRGGBB, not &quot;%1&quot;</source>
        <translation>muss #RRGGBB sein, nicht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>ends (%1 s) before it starts (%2 s)</source>
        <translation>endet (%1 s), bevor es beginnt (%2 s)</translation>
    </message>
    <message>
        <source>is not valid Unicode: a lone surrogate %1 at character %2</source>
        <translation>ist kein gültiges Unicode: ein alleinstehendes Surrogat %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>a key is not valid Unicode: a lone surrogate %1 at character %2</source>
        <translation>ein Schlüssel ist kein gültiges Unicode: ein alleinstehendes Surrogat %1 bei Zeichen %2</translation>
    </message>
    <message>
        <source>is too large for a manifest: %1 bytes; the limit is %2 bytes</source>
        <translation>ist zu groß für ein Manifest: %1 Bytes; zulässig sind höchstens %2 Bytes</translation>
    </message>
    <message>
        <source>a key is not valid UTF-8 (byte %1 at offset %2)</source>
        <translation>ein Schlüssel ist kein gültiges UTF-8 (Byte %1 bei Offset %2)</translation>
    </message>
    <message>
        <source>is not valid UTF-8 (byte %1 at offset %2)</source>
        <translation>ist kein gültiges UTF-8 (Byte %1 bei Offset %2)</translation>
    </message>
    <message>
        <source>%1 markups; the limit is %2 per capture</source>
        <translation>%1 Markierungen; zulässig sind höchstens %2 pro Aufnahme</translation>
    </message>
    <message>
        <source>%1 points; the limit is %2 per markup</source>
        <translation>%1 Punkte; zulässig sind höchstens %2 pro Markierung</translation>
    </message>
    <message>
        <source>%1 points in markups[0] to markups[%2]; the limit is %3 per capture</source>
        <translation>%1 Punkte in markups[0] bis markups[%2]; zulässig sind höchstens %3 pro Aufnahme</translation>
    </message>
    <message>
        <source>%1 pixels wide; the limit is %2 pixels</source>
        <translation>%1 Pixel breit; zulässig sind höchstens %2 Pixel</translation>
    </message>
    <message>
        <source>%1 characters; the limit is %2 characters</source>
        <translation>%1 Zeichen; zulässig sind höchstens %2 Zeichen</translation>
    </message>
    <message>
        <source>%1 characters of text in markups[0] to markups[%2]; the limit is %3 per capture</source>
        <translation>%1 Zeichen Text in markups[0] bis markups[%2]; zulässig sind höchstens %3 pro Aufnahme</translation>
    </message>
    <message>
        <source>%1 bookmarks; the limit is %2 per capture</source>
        <translation>%1 Lesezeichen; zulässig sind höchstens %2 pro Aufnahme</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is already the id of bookmarks[%2]</source>
        <translation>&quot;%1&quot; ist bereits die id von bookmarks[%2]</translation>
    </message>
    <message>
        <source>%1 is before the start of the media</source>
        <translation>%1 liegt vor dem Beginn des Mediums</translation>
    </message>
    <message>
        <source>%1 is before &quot;from&quot; (%2)</source>
        <translation>%1 liegt vor &quot;from&quot; (%2)</translation>
    </message>
</context>
<context>
    <name>sl::ManifestWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>%1 kann nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>sl::MediaFetchFollower</name>
    <message>
        <source>not signed in to the asset store; sign in, then fetch again</source>
        <translation>nicht beim Anlagenspeicher angemeldet; melden Sie sich an und holen Sie die Datei erneut</translation>
    </message>
    <message>
        <source>the sync was cancelled</source>
        <translation>die Synchronisierung wurde abgebrochen</translation>
    </message>
    <message>
        <source>the asset store cannot be reached</source>
        <translation>der Anlagenspeicher ist nicht erreichbar</translation>
    </message>
    <message>
        <source>the asset store asks to sign in again</source>
        <translation>der Anlagenspeicher verlangt eine neue Anmeldung</translation>
    </message>
    <message>
        <source>the asset store has no file for it</source>
        <translation>der Anlagenspeicher hat keine Datei dazu</translation>
    </message>
    <message>
        <source>the capture is no longer in this workspace</source>
        <translation>die Aufnahme ist nicht mehr in diesem Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>sl::MediaFetchJob</name>
    <message>
        <source>&apos;%1&apos; is not an asset id (a GUID)</source>
        <translation>&apos;%1&apos; ist keine Anlagen-ID (GUID)</translation>
    </message>
    <message>
        <source>the attachments of asset %1 cannot be listed: %2</source>
        <translation>die Anhänge der Anlage %1 können nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <source>capture %1: %2</source>
        <translation>Aufnahme %1: %2</translation>
    </message>
    <message>
        <source>the cache folder cannot be made</source>
        <translation>der Cache-Ordner kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>sl::MediaFile</name>
    <message>
        <source>no media file given</source>
        <translation>keine Mediendatei angegeben</translation>
    </message>
    <message>
        <source>media file not found</source>
        <translation>Mediendatei nicht gefunden</translation>
    </message>
    <message>
        <source>media file is empty</source>
        <translation>Mediendatei ist leer</translation>
    </message>
    <message>
        <source>is a folder, not a media file</source>
        <translation>ist ein Ordner, keine Mediendatei</translation>
    </message>
    <message>
        <source>not a regular file (a FIFO, device or socket)</source>
        <translation>keine reguläre Datei (ein FIFO, Gerät oder Socket)</translation>
    </message>
    <message>
        <source>media file cannot be read: %1</source>
        <translation>Mediendatei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the image is %1 x %2 pixels</source>
        <translation>das Bild hat %1 x %2 Pixel</translation>
    </message>
    <message>
        <source>the video&apos;s frames are %1 x %2 pixels</source>
        <translation>die Videobilder haben %1 x %2 Pixel</translation>
    </message>
    <message>
        <source>the limit is %1 per side and %2 megapixels</source>
        <translation>zulässig sind höchstens %1 pro Seite und %2 Megapixel</translation>
    </message>
</context>
<context>
    <name>sl::Migrations</name>
    <message>
        <source>The workspace %1 was written by a newer version of Sightline (schema version %2; this version understands up to %3). Update Sightline to open it.</source>
        <translation>Der Arbeitsbereich %1 wurde von einer neueren Version von Sightline geschrieben (Schemaversion %2; diese Version versteht bis zu %3). Aktualisieren Sie Sightline, um ihn zu öffnen.</translation>
    </message>
</context>
<context>
    <name>sl::OfflineAssetAction</name>
    <message>
        <source>&amp;Keep media available offline</source>
        <translation>Medien offline &amp;verfügbar halten</translation>
    </message>
    <message>
        <source>The photos and videos of the asset shown come with every sync and are never evicted from the media cache</source>
        <translation>Die Fotos und Videos der angezeigten Anlage kommen mit jeder Synchronisierung und werden nie aus dem Mediencache entfernt</translation>
    </message>
    <message>
        <source>The asset&apos;s media could not be kept offline: %1</source>
        <translation>Die Medien der Anlage konnten nicht offline verfügbar gehalten werden: %1</translation>
    </message>
    <message>
        <source>The asset&apos;s media may be evicted from the cache again.</source>
        <translation>Die Medien der Anlage dürfen wieder aus dem Cache entfernt werden.</translation>
    </message>
    <message>
        <source>Fetching the asset&apos;s media; it stays available offline.</source>
        <translation>Die Medien der Anlage werden geholt; sie bleiben offline verfügbar.</translation>
    </message>
    <message>
        <source>Kept offline: the asset&apos;s media comes with the next sync once signed in.</source>
        <translation>Offline verfügbar: die Medien der Anlage kommen mit der nächsten Synchronisierung nach der Anmeldung.</translation>
    </message>
</context>
<context>
    <name>sl::OutboxBatchSender</name>
    <message>
        <source>more than %1 edits for one batch</source>
        <translation>mehr als %1 Änderungen für einen Batch</translation>
    </message>
</context>
<context>
    <name>sl::OutboxPushJob</name>
    <message>
        <source>its id is not a GUID, so the asset store cannot hold it</source>
        <translation>die ID ist keine GUID, daher kann der Anlagenspeicher den Datensatz nicht aufnehmen</translation>
    </message>
    <message>
        <source>the capture is no longer in this workspace</source>
        <translation>die Aufnahme ist nicht mehr in diesem Arbeitsbereich</translation>
    </message>
    <message>
        <source>the record %1 is not a JSON object</source>
        <translation>der Datensatz %1 ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>changed here and in the asset store: %1</source>
        <translation>hier und im Anlagenspeicher geändert: %1</translation>
    </message>
    <message>
        <source>capture %1</source>
        <translation>Aufnahme %1</translation>
    </message>
    <message>
        <source>asset %1</source>
        <translation>Anlage %1</translation>
    </message>
    <message>
        <source>no temporary folder for its media</source>
        <translation>kein temporärer Ordner für ihre Medien</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <source>refused: the store no longer has this record (deleted there); the edit is kept here</source>
        <translation>abgelehnt: Der Speicher hat diesen Datensatz nicht mehr (dort gelöscht); die Änderung bleibt hier erhalten</translation>
    </message>
</context>
<context>
    <name>sl::OverlayCanvas</name>
    <message>
        <source>Show legend</source>
        <translation>Legende anzeigen</translation>
    </message>
    <message>
        <source>Markup by author and kind: untick to hide (%1 shows or hides this legend)</source>
        <translation>Markierungen nach Autor und Art: Häkchen entfernen zum Ausblenden (%1 blendet diese Legende ein oder aus)</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Autor: %1</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Erstellt: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Space: %1</source>
        <translation>Raum: %1</translation>
    </message>
    <message>
        <source>world (anchored in 3D)</source>
        <translation>Welt (im 3D-Raum verankert)</translation>
    </message>
    <message>
        <source>image (on the picture)</source>
        <translation>Bild (direkt auf dem Bild)</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Shown: %1 – %2</source>
        <translation>Angezeigt: %1 – %2</translation>
    </message>
    <message>
        <source>Text: %1</source>
        <translation>Text: %1</translation>
    </message>
</context>
<context>
    <name>sl::OverlayLegendPanel</name>
    <message>
        <source>Ink</source>
        <translation>Freihand</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Pfeil</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Redaction</source>
        <translation>Schwärzung</translation>
    </message>
    <message>
        <source>(no author)</source>
        <translation>(ohne Autor)</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Autoren</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Kinds</source>
        <translation>Arten</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <source>Fold or unfold the legend</source>
        <translation>Legende ein- oder ausklappen</translation>
    </message>
</context>
<context>
    <name>sl::OverlayRenderer</name>
    <message>
        <source>This capture has no camera intrinsics: 3D markup is not shown.</source>
        <translation>Diese Aufnahme hat keine intrinsischen Kameraparameter: 3D-Markierungen werden nicht angezeigt.</translation>
    </message>
    <message numerus="yes">
        <source>Markup simplified for speed: %n markup(s) drawn at reduced detail.</source>
        <translation>
            <numerusform>Markierungen zur Beschleunigung vereinfacht: %n Markierung mit reduziertem Detailgrad gezeichnet.</numerusform>
            <numerusform>Markierungen zur Beschleunigung vereinfacht: %n Markierungen mit reduziertem Detailgrad gezeichnet.</numerusform>
        </translation>
    </message>
    <message>
        <source>This capture has no camera poses: its world markup cannot be placed.</source>
        <translation>Diese Aufnahme hat keine Kameraposen: Die Markierung im 3D-Raum kann nicht platziert werden.</translation>
    </message>
    <message>
        <source>This capture has no camera poses: its %1 world markups cannot be placed.</source>
        <translation>Diese Aufnahme hat keine Kameraposen: %1 Markierungen im 3D-Raum können nicht platziert werden.</translation>
    </message>
</context>
<context>
    <name>sl::PagedReadJob</name>
    <message>
        <source>the store sent a nextLink it had sent before (%1); the read is stopped so it cannot loop</source>
        <translation>der Speicher hat einen bereits gesendeten nextLink erneut gesendet (%1); der Lesevorgang wird abgebrochen, damit keine Endlosschleife entsteht</translation>
    </message>
    <message>
        <source>the read passed %1 pages</source>
        <translation>der Lesevorgang hat %1 Seiten überschritten</translation>
    </message>
    <message>
        <source>page %1 of %2: %3</source>
        <translation>Seite %1 von %2: %3</translation>
    </message>
</context>
<context>
    <name>sl::PhotoView</name>
    <message>
        <source>The photo file is missing: %1</source>
        <translation>Die Fotodatei fehlt: %1</translation>
    </message>
    <message>
        <source>Loading photo…</source>
        <translation>Foto wird geladen…</translation>
    </message>
    <message>
        <source>no image could be decoded</source>
        <translation>es konnte kein Bild dekodiert werden</translation>
    </message>
    <message>
        <source>This photo cannot be shown: %1</source>
        <translation>Dieses Foto kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>Snapshot with overlay</source>
        <translation>Standbild mit eingebrannten Markierungen</translation>
    </message>
</context>
<context>
    <name>sl::RemoteMediaPanel</name>
    <message>
        <source>This video (%1) is on the asset store and not on this computer yet.</source>
        <translation>Dieses Video (%1) liegt im Anlagenspeicher und noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>This photo (%1) is on the asset store and not on this computer yet.</source>
        <translation>Dieses Foto (%1) liegt im Anlagenspeicher und noch nicht auf diesem Computer.</translation>
    </message>
    <message>
        <source>Fetch from the asset store</source>
        <translation>Aus dem Anlagenspeicher holen</translation>
    </message>
    <message>
        <source>Downloads the photos and videos of this asset into the media cache with the next sync</source>
        <translation>Lädt die Fotos und Videos dieser Anlage mit der nächsten Synchronisierung in den Mediencache</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Wird geholt…</translation>
    </message>
    <message>
        <source>Not fetched: %1</source>
        <translation>Nicht geholt: %1</translation>
    </message>
</context>
<context>
    <name>sl::Screenshotter</name>
    <message>
        <source>cannot write the screenshot to %1</source>
        <translation>der Screenshot kann nicht in %1 geschrieben werden</translation>
    </message>
    <message>
        <source>Loose cable here</source>
        <translation>Hier loses Kabel</translation>
    </message>
</context>
<context>
    <name>sl::SignedInTokenSource</name>
    <message>
        <source>The sign-in has expired or was revoked; sign in again.</source>
        <translation>Die Anmeldung ist abgelaufen oder wurde widerrufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>The token could not be refreshed: %1; sign in again.</source>
        <translation>Das Token konnte nicht erneuert werden: %1; melden Sie sich erneut an.</translation>
    </message>
</context>
<context>
    <name>sl::SoundControl</name>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Lauter</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Leiser</translation>
    </message>
    <message>
        <source>Volume %1% (Ctrl+Up, Ctrl+Down)</source>
        <translation>Lautstärke %1 % (Strg+Hoch, Strg+Runter)</translation>
    </message>
    <message>
        <source>No sound device</source>
        <translation>Kein Audiogerät</translation>
    </message>
    <message>
        <source>This video has no sound</source>
        <translation>Dieses Video hat keinen Ton</translation>
    </message>
    <message>
        <source>Mute (Ctrl+M)</source>
        <translation>Stumm (Strg+M)</translation>
    </message>
</context>
<context>
    <name>sl::StoreWorker</name>
    <message>
        <source>No workspace is open.</source>
        <translation>Es ist kein Arbeitsbereich geöffnet.</translation>
    </message>
</context>
<context>
    <name>sl::SyncActions</name>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synchronisierung</translation>
    </message>
    <message>
        <source>&amp;Connect to asset store…</source>
        <translation>Mit Anlagenspeicher &amp;verbinden…</translation>
    </message>
    <message>
        <source>&amp;Resolve conflicts…</source>
        <translation>&amp;Konflikte auflösen…</translation>
    </message>
    <message>
        <source>Not signed in to %1: Sync &gt; Connect to asset store.</source>
        <translation>Nicht bei %1 angemeldet: Synchronisierung &gt; Mit Anlagenspeicher verbinden.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Verbunden mit %1 als %2</translation>
    </message>
    <message>
        <source>Sync &amp;now</source>
        <translation>&amp;Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Not signed in: Sync &gt; Connect to asset store.</source>
        <translation>Nicht angemeldet: Synchronisierung &gt; Mit Anlagenspeicher verbinden.</translation>
    </message>
    <message>
        <source>The asset store refused the sign-in: your edits stay queued. Sign in again (Sync &gt; Connect to asset store).</source>
        <translation>Der Anlagenspeicher hat die Anmeldung abgelehnt: Ihre Änderungen bleiben im Postausgang. Melden Sie sich erneut an (Synchronisierung &gt; Mit Anlagenspeicher verbinden).</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The asset store no longer accepts your sign-in. Your edits stay queued until you sign in again.</source>
        <translation>Der Anlagenspeicher akzeptiert Ihre Anmeldung nicht mehr. Ihre Änderungen bleiben im Postausgang, bis Sie sich erneut anmelden.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>The asset store cannot be reached: your edits stay queued.</source>
        <translation>Der Anlagenspeicher ist nicht erreichbar: Ihre Änderungen bleiben im Postausgang.</translation>
    </message>
    <message>
        <source>Sync cancelled: %1</source>
        <translation>Synchronisierung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisierung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Signed in to %1, but the sign-in service cannot be reached: your edits stay queued until it can.</source>
        <translation>Bei %1 angemeldet, aber der Anmeldedienst ist nicht erreichbar: Ihre Änderungen bleiben im Postausgang, bis er es wieder ist.</translation>
    </message>
</context>
<context>
    <name>sl::SyncEngine</name>
    <message numerus="yes">
        <source>%n edit(s) not pushed this time: behind a conflict or a failed edit of the same record, or of a kind this version does not push yet</source>
        <translation>
            <numerusform>%n Änderung diesmal nicht gesendet: Sie wartet hinter einem Konflikt oder einer fehlgeschlagenen Änderung desselben Datensatzes, oder sie ist von einer Art, die diese Version noch nicht sendet</numerusform>
            <numerusform>%n Änderungen diesmal nicht gesendet: Sie warten hinter einem Konflikt oder einer fehlgeschlagenen Änderung desselben Datensatzes, oder sie sind von einer Art, die diese Version noch nicht sendet</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the asset store has no change tracking for this table; deletions there are not seen, except by an occasional read of every id (%2)</source>
        <translation>%1: Der Anlagenspeicher verfolgt für diese Tabelle keine Änderungen; dortige Löschungen werden nur durch ein gelegentliches Lesen aller IDs erkannt (%2)</translation>
    </message>
    <message>
        <source>done this time</source>
        <translation>diesmal erfolgt</translation>
    </message>
    <message>
        <source>not this time</source>
        <translation>diesmal nicht</translation>
    </message>
    <message>
        <source>%1: the store no longer knew where the last sync ended, so the table was read whole; rows it no longer has were removed here</source>
        <translation>%1: Der Speicher kannte das Ende der letzten Synchronisierung nicht mehr, daher wurde die Tabelle vollständig gelesen; Zeilen, die er nicht mehr hat, wurden hier entfernt</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s) deleted on the store kept here for the edits waiting on them (the push will refuse those edits): %2</source>
        <translation>
            <numerusform>%1: %n im Speicher gelöschter Datensatz wird hier für die auf ihn wartenden Änderungen aufbewahrt (das Senden wird diese Änderungen ablehnen): %2</numerusform>
            <numerusform>%1: %n im Speicher gelöschte Datensätze werden hier für die auf sie wartenden Änderungen aufbewahrt (das Senden wird diese Änderungen ablehnen): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n capture(s) deleted on the store kept here for the edits waiting on them: %2</source>
        <translation>
            <numerusform>%1: %n im Speicher gelöschte Aufnahme wird hier für die auf sie wartenden Änderungen aufbewahrt: %2</numerusform>
            <numerusform>%1: %n im Speicher gelöschte Aufnahmen werden hier für die auf sie wartenden Änderungen aufbewahrt: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n capture(s) deleted on the store kept here, imported here (their media and markup are this workspace&apos;s own): %2</source>
        <translation>
            <numerusform>%1: %n im Speicher gelöschte Aufnahme bleibt hier, da hier importiert (Medien und Markierungen gehören diesem Arbeitsbereich): %2</numerusform>
            <numerusform>%1: %n im Speicher gelöschte Aufnahmen bleiben hier, da hier importiert (Medien und Markierungen gehören diesem Arbeitsbereich): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sl::SyncStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop the sync; what was applied stays, the edits not sent stay queued</source>
        <translation>Synchronisierung anhalten; bereits Übernommenes bleibt erhalten, nicht gesendete Änderungen bleiben im Postausgang</translation>
    </message>
    <message>
        <source>Store busy</source>
        <translation>Speicher ausgelastet</translation>
    </message>
    <message>
        <source>Edits changed here and on the asset store: choose which to keep</source>
        <translation>Änderungen, die hier und im Anlagenspeicher vorgenommen wurden: Wählen Sie, welche gelten sollen</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird angehalten…</translation>
    </message>
    <message>
        <source>Edits made here that the asset store does not have yet</source>
        <translation>Hier vorgenommene Änderungen, die der Anlagenspeicher noch nicht hat</translation>
    </message>
    <message>
        <source>Conflicts: %1</source>
        <translation>Konflikte: %1</translation>
    </message>
    <message>
        <source>No edits pending</source>
        <translation>Keine ausstehenden Änderungen</translation>
    </message>
    <message>
        <source>Edits pending: %1</source>
        <translation>Ausstehende Änderungen: %1</translation>
    </message>
    <message>
        <source>Sending edits: %1 of %2</source>
        <translation>Änderungen werden gesendet: %1 von %2</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Wird synchronisiert…</translation>
    </message>
    <message>
        <source>Receiving %1 (%2 so far)</source>
        <translation>%1 wird abgerufen (bisher %2)</translation>
    </message>
    <message>
        <source>The asset store asked to wait %1 s (too many requests)</source>
        <translation>Der Anlagenspeicher bittet, %1 s zu warten (zu viele Anfragen)</translation>
    </message>
    <message>
        <source>Last sync cancelled: %1</source>
        <translation>Letzte Synchronisierung abgebrochen: %1</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Letzte Synchronisierung: %1</translation>
    </message>
    <message>
        <source>Offline: not signed in</source>
        <translation>Offline: nicht angemeldet</translation>
    </message>
    <message>
        <source>Sync &gt; Connect to asset store signs in</source>
        <translation>Synchronisierung &gt; Mit Anlagenspeicher verbinden meldet Sie an</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Erneut anmelden</translation>
    </message>
    <message>
        <source>The asset store refused the sign-in; your edits stay queued. Click to sign in.</source>
        <translation>Der Anlagenspeicher hat die Anmeldung abgelehnt; Ihre Änderungen bleiben im Postausgang. Klicken Sie, um sich anzumelden.</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>The asset store cannot be reached; your edits stay queued. Click to try again.</source>
        <translation>Der Anlagenspeicher ist nicht erreichbar; Ihre Änderungen bleiben im Postausgang. Klicken Sie, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Noch nie synchronisiert</translation>
    </message>
    <message>
        <source>Synced just now</source>
        <translation>Gerade eben synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>Synced %n min ago</source>
        <translation>
            <numerusform>Vor %n Minute synchronisiert</numerusform>
            <numerusform>Vor %n Minuten synchronisiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Um %1 synchronisiert</translation>
    </message>
    <message>
        <source>Synced on %1</source>
        <translation>Am %1 synchronisiert</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sl::TablePullJob</name>
    <message>
        <source>%1: no valid URL to read</source>
        <translation>%1: keine gültige URL zum Lesen</translation>
    </message>
    <message>
        <source>%1: a page could not be stored: %2</source>
        <translation>%1: eine Seite konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>sl::ThumbnailCache</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>sl::Thumbnailer</name>
    <message>
        <source>invalid thumbnail size %1x%2</source>
        <translation>ungültige Vorschaubildgröße %1x%2</translation>
    </message>
    <message>
        <source>the thumbnail could not be made</source>
        <translation>das Vorschaubild konnte nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>sl::TimelinePreview</name>
    <message>
        <source>%1 (picture at %2)</source>
        <translation>%1 (Bild bei %2)</translation>
    </message>
</context>
<context>
    <name>sl::TimelineWidget</name>
    <message>
        <source>Click or drag to scrub; hover to preview</source>
        <translation>Klicken oder ziehen, um durch das Video zu spulen; für eine Vorschau mit der Maus darauf zeigen</translation>
    </message>
</context>
<context>
    <name>sl::VideoExportRunner</name>
    <message>
        <source>Export video</source>
        <translation>Video exportieren</translation>
    </message>
    <message>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4-Video (*.mp4)</translation>
    </message>
    <message>
        <source>An export is already running: wait for it or cancel it first.</source>
        <translation>Es läuft bereits ein Export: Warten Sie, bis er fertig ist, oder brechen Sie ihn zuerst ab.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Exporting frame %1 of %2…</source>
        <translation>Bild %1 von %2 wird exportiert…</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>Es läuft bereits ein Export.</translation>
    </message>
    <message>
        <source>The video was written, but its export could not be recorded: %1</source>
        <translation>Das Video wurde geschrieben, aber sein Export konnte nicht protokolliert werden: %1</translation>
    </message>
    <message>
        <source>%1 could not be exported.</source>
        <translation>%1 konnte nicht exportiert werden.</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 exportiert</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was written.</source>
        <translation>Der Export wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
</context>
<context>
    <name>sl::VideoPlayerWidget</name>
    <message>
        <source>Previous frame (Left or ,)</source>
        <translation>Vorheriges Bild (Links oder ,)</translation>
    </message>
    <message>
        <source>Next frame (Right or .)</source>
        <translation>Nächstes Bild (Rechts oder .)</translation>
    </message>
    <message>
        <source>Loading video…</source>
        <translation>Video wird geladen…</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>Pause (Leertaste)</translation>
    </message>
    <message>
        <source>Play (Space)</source>
        <translation>Wiedergabe (Leertaste)</translation>
    </message>
    <message>
        <source>This video cannot be played: the file could not be decoded.</source>
        <translation>Dieses Video kann nicht abgespielt werden: Die Datei konnte nicht dekodiert werden.</translation>
    </message>
    <message>
        <source>This video cannot be played: %1</source>
        <translation>Dieses Video kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>unknown playback error</source>
        <translation>unbekannter Wiedergabefehler</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Frame –</source>
        <translation>Bild –</translation>
    </message>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
    <message>
        <source>Frame %1</source>
        <translation>Bild %1</translation>
    </message>
    <message>
        <source>Playback actions and their keys</source>
        <translation>Wiedergabeaktionen und ihre Tasten</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Wiedergabe / Pause</translation>
    </message>
    <message>
        <source>Play backwards / faster</source>
        <translation>Rückwärts abspielen / schneller</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Play / faster</source>
        <translation>Abspielen / schneller</translation>
    </message>
    <message>
        <source>Previous frame</source>
        <translation>Vorheriges Bild</translation>
    </message>
    <message>
        <source>Next frame</source>
        <translation>Nächstes Bild</translation>
    </message>
    <message>
        <source>Back one second</source>
        <translation>Eine Sekunde zurück</translation>
    </message>
    <message>
        <source>Forward one second</source>
        <translation>Eine Sekunde vor</translation>
    </message>
    <message>
        <source>First frame</source>
        <translation>Erstes Bild</translation>
    </message>
    <message>
        <source>Last frame</source>
        <translation>Letztes Bild</translation>
    </message>
    <message>
        <source>Set loop start</source>
        <translation>Schleifenanfang setzen</translation>
    </message>
    <message>
        <source>Set loop end</source>
        <translation>Schleifenende setzen</translation>
    </message>
    <message>
        <source>Clear loop</source>
        <translation>Schleife aufheben</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>loop %1–%2</source>
        <translation>Schleife %1–%2</translation>
    </message>
    <message>
        <source>end</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Add bookmark</source>
        <translation>Lesezeichen hinzufügen</translation>
    </message>
    <message>
        <source>Next bookmark</source>
        <translation>Nächstes Lesezeichen</translation>
    </message>
    <message>
        <source>Previous bookmark</source>
        <translation>Vorheriges Lesezeichen</translation>
    </message>
    <message>
        <source>Snapshot</source>
        <translation>Standbild</translation>
    </message>
    <message>
        <source>Snapshot with overlay</source>
        <translation>Standbild mit eingebrannten Markierungen</translation>
    </message>
    <message>
        <source>Bookmark %1</source>
        <translation>Lesezeichen %1</translation>
    </message>
    <message>
        <source>Export video…</source>
        <translation>Video exportieren…</translation>
    </message>
    <message>
        <source>Export in–out range…</source>
        <translation>Schleifenbereich exportieren…</translation>
    </message>
    <message>
        <source>This video ends early: %1 of the %2 its file promises can be read (the file was cut short).</source>
        <translation>Dieses Video endet vorzeitig: %1 der %2, die seine Datei verspricht, sind lesbar (die Datei ist abgeschnitten).</translation>
    </message>
</context>
<context>
    <name>sl::WipeView</name>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
</context>
<context>
    <name>sl::multipart</name>
    <message>
        <source>its headers do not end with an empty line</source>
        <translation>die Header enden nicht mit einer Leerzeile</translation>
    </message>
    <message>
        <source>the header line &quot;%1&quot; has no name</source>
        <translation>die Headerzeile &quot;%1&quot; hat keinen Namen</translation>
    </message>
    <message>
        <source>it names no multipart boundary</source>
        <translation>der Text nennt keine Multipart-Boundary</translation>
    </message>
    <message>
        <source>the boundary &quot;%1&quot; is not in it</source>
        <translation>die Boundary &quot;%1&quot; kommt im Text nicht vor</translation>
    </message>
    <message>
        <source>it ends after a delimiter (truncated)</source>
        <translation>der Text endet nach einer Trennzeile (abgeschnitten)</translation>
    </message>
    <message>
        <source>part %1 has no delimiter after it (truncated)</source>
        <translation>auf Teil %1 folgt keine Trennzeile (abgeschnitten)</translation>
    </message>
    <message>
        <source>part %1: %2</source>
        <translation>Teil %1: %2</translation>
    </message>
</context>
</TS>
