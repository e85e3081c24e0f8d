#include "searchcommand.h"

#include "clicommands.h"
#include "store/assetfinder.h"
#include "store/database.h"
#include "store/workspace.h"

#include <QDir>
#include <QFileInfo>

namespace sl {

namespace {

constexpr int kUsageError = 2;

const QString kAccount = QStringLiteral("account");
const QString kCategory = QStringLiteral("category");
const QString kLimit = QStringLiteral("limit");

// Tabs or line breaks inside a field would break the one-line, tab-separated output.
QString field(const QString &text)
{
    QString clean = text;
    for (QChar &c : clean) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return clean;
}

} // namespace

QList<QCommandLineOption> SearchCommand::options()
{
    return {QCommandLineOption(kAccount, QString(), QStringLiteral("name")),
            QCommandLineOption(kCategory, QString(), QStringLiteral("name")),
            QCommandLineOption(kLimit, QString(), QStringLiteral("n"))};
}

QString SearchCommand::usage()
{
    return tr("  search QUERY --workspace DIR  Print the matching assets, best first: id, tag,\n"
              "      [--account NAME]          name, tab-separated. NAME is matched without\n"
              "      [--category NAME]         regard to case. At most N assets (default %1).\n"
              "      [--limit N]\n")
        .arg(kDefaultLimit);
}

int SearchCommand::run(const QCommandLineParser &parser, const QStringList &words)
{
    const QString text = words.join(QLatin1Char(' ')).trimmed();
    if (text.isEmpty()) {
        CliCommands::fail(tr("search needs QUERY (try --help)"));
        return kUsageError;
    }
    const QString directory = parser.value(QStringLiteral("workspace"));
    if (directory.isEmpty()) {
        CliCommands::fail(tr("search needs --workspace DIR"));
        return kUsageError;
    }
    int limit = kDefaultLimit;
    if (parser.isSet(kLimit)) {
        bool ok = false;
        limit = parser.value(kLimit).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit) {
            CliCommands::fail(tr("--limit: '%1' is not a number of assets (1-%2)").arg(parser.value(kLimit)).arg(kMaxLimit));
            return kUsageError;
        }
    }
    // Opening creates a missing workspace: a search never should.
    if (!QFileInfo::exists(QDir(directory).filePath(QString::fromLatin1(Workspace::kDatabaseFileName)))) {
        CliCommands::fail(tr("search: %1 is not a Sightline workspace").arg(QDir::toNativeSeparators(directory)));
        return 1;
    }
    QString error;
    const std::unique_ptr<Workspace> workspace = Workspace::open(directory, &error);
    if (!workspace) {
        CliCommands::fail(tr("search: cannot open the workspace %1: %2").arg(QDir::toNativeSeparators(directory), error));
        return 1;
    }
    try {
        AssetFinder finder(workspace->database());
        AssetQuery query{text, {}, AssetSort::Relevance};
        if (parser.isSet(kAccount)) {
            query.filter.accountIds = finder.accountIdsNamed(parser.value(kAccount));
            if (query.filter.accountIds.isEmpty()) {
                CliCommands::fail(tr("search: --account: no account is named '%1' in this workspace")
                                      .arg(parser.value(kAccount)));
                return 1;
            }
        }
        if (parser.isSet(kCategory)) {
            query.filter.categoryIds = finder.categoryIdsNamed(parser.value(kCategory));
            if (query.filter.categoryIds.isEmpty()) {
                CliCommands::fail(tr("search: --category: no category is named '%1' in this workspace")
                                      .arg(parser.value(kCategory)));
                return 1;
            }
        }
        const AssetPage page = finder.page(query, {}, limit);
        for (const Asset &asset : page.rows)
            CliCommands::print(field(asset.id) + QLatin1Char('\t') + field(asset.assetTag) + QLatin1Char('\t') +
                               field(asset.name));
    } catch (const StoreError &e) {
        CliCommands::fail(tr("search: %1").arg(e.message()));
        return 1;
    }
    return 0;
}

} // namespace sl
