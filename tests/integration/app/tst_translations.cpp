// The German translation is complete: every string that lupdate finds in the
// sources today has a finished German translation in translations/sightline_de.ts.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    QString translation;
    bool finished = false;
};

QList<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = TsMessage{context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.finished = type.isEmpty();
            // Plural forms nest <numerusform> elements: keep their text joined.
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.append(current);
        }
    }
    return messages;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySourceStringIsTranslated();
};

void TestTranslations::everySourceStringIsTranslated()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString scanned = tmp.filePath(QStringLiteral("scan_de.ts"));
    const QDir src(sl::test::sourceDir());

    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(SIGHTLINE_LUPDATE_PATH),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-target-language"), QStringLiteral("de_DE"), src.filePath(QStringLiteral("models")),
                   src.filePath(QStringLiteral("ui")), src.filePath(QStringLiteral("app")), QStringLiteral("-ts"),
                   scanned});
    QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

    const QList<TsMessage> found = readTs(scanned);
    // The product has far more user-visible strings than this; fewer means the scan failed.
    QVERIFY2(found.size() >= 50, qPrintable(QStringLiteral("only %1 strings found").arg(found.size())));

    QHash<QString, TsMessage> committed;
    for (const TsMessage &m : readTs(src.filePath(QStringLiteral("translations/sightline_de.ts"))))
        committed.insert(m.context + QChar(0x1f) + m.source, m);

    QStringList missing;
    for (const TsMessage &m : found) {
        const auto it = committed.constFind(m.context + QChar(0x1f) + m.source);
        if (it == committed.cend() || !it->finished || it->translation.trimmed().isEmpty())
            missing << m.context + QStringLiteral(": ") + m.source;
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(QStringLiteral("%1 of %2 strings lack a German translation (run the "
                                       "update_translations target, then translate):\n")
                            .arg(missing.size())
                            .arg(found.size()) +
                        missing.mid(0, 40).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
