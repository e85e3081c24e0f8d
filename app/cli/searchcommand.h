#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace sl {

// `sightline-cli search QUERY --workspace DIR [--account NAME] [--category
// NAME] [--limit N]`: the matching assets, best first, one per line (id,
// tag, name, tab-separated), for scripts.
class SearchCommand
{
    Q_DECLARE_TR_FUNCTIONS(SearchCommand)
public:
    // The options the command adds to the tool's parser.
    static QList<QCommandLineOption> options();
    // Its lines in the tool's help.
    static QString usage();
    // `words` are the positional arguments after "search". Returns the exit
    // code: 0 done, 1 failed, 2 the command line is wrong.
    static int run(const QCommandLineParser &parser, const QStringList &words);

    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 100000;
};

} // namespace sl
