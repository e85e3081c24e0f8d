// sightline-fakestore: the fake Dataverse of the tests, run by hand so that
// Sightline can be tried without an asset store:
//   sightline-fakestore --port 8099 --assets 5000
//   SIGHTLINE_TOKEN=any sightline-cli sync --url http://127.0.0.1:8099 --workspace DIR
// It takes any bearer token, keeps everything in memory and listens on
// 127.0.0.1 only. Not installed: a development tool.
// Sign-in: set the authority to http://127.0.0.1:8099/organizations/oauth2/v2.0
// (README); the fake prints each user code and approves it when the link
// it prints is opened.
#include "fakedataverse.h"
#include "fakesignin.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sightline-fakestore"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A fake Dataverse Web API on 127.0.0.1 for trying Sightline."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on (0: any free one)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption assets(QStringLiteral("assets"), QStringLiteral("Customer assets to seed."),
                                    QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption relative(QStringLiteral("relative-links"), QStringLiteral("Send relative nextLinks."));
    const QCommandLineOption untracked(QStringLiteral("no-change-tracking"),
                                       QStringLiteral("Send no delta links (clients poll by modifiedon)."));
    const QCommandLineOption media(QStringLiteral("media-mb"),
                                   QStringLiteral("Add a video attachment to the first asset with a file of N MB."),
                                   QStringLiteral("n"), QStringLiteral("0"));
    parser.addOptions({port, assets, relative, untracked, media});
    parser.process(app);

    bool portOk = false, assetsOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const int assetCount = parser.value(assets).toInt(&assetsOk);
    if (!portOk || portNumber > 65535 || !assetsOk || assetCount < 0 || assetCount > 10'000'000) {
        std::fprintf(stderr, "sightline-fakestore: --port takes 0-65535 and --assets 0-10000000\n");
        return 2;
    }

    sl::test::FakeDataverse server;
    server.setAcceptedToken(QByteArray()); // any token
    server.faults().relativeNextLinks = parser.isSet(relative);
    server.faults().noChangeTracking = parser.isSet(untracked);
    server.seedLookups(20, 10, 5);
    const QStringList assetIds = server.seedAssets(assetCount);
    const int mediaMb = parser.value(media).toInt();
    if (mediaMb > 0 && !assetIds.isEmpty()) {
        // A fixed id, so that scripts and benchmarks can name it.
        const QString attachment = QStringLiteral("0ed1a000-0000-4000-8000-000000000001");
        const QString set = QString::fromLatin1(sl::test::FakeDataverse::kAttachments);
        server.table(set).write(attachment, {{QStringLiteral("msdyn_name"), QStringLiteral("walkround.mp4")},
                                             {QStringLiteral("_msdyn_customerasset_value"), assetIds.first()},
                                             {QStringLiteral("msdyn_attachmenttype"), 700610001},
                                             {QStringLiteral("msdyn_file_name"), QStringLiteral("walkround.mp4")}});
        QByteArray bytes(qsizetype(mediaMb) * 1'000'000, Qt::Uninitialized);
        quint32 state = 12345; // a cheap deterministic byte pattern that does not compress
        for (char &byte : bytes) {
            state = state * 1664525u + 1013904223u;
            byte = char(state >> 24);
        }
        server.media().setFile(set, attachment, QStringLiteral("msdyn_file"), bytes, QStringLiteral("walkround.mp4"));
        std::fprintf(stderr, "attachment %s of asset %s has a %d MB file\n", qPrintable(attachment),
                     qPrintable(assetIds.first()), mediaMb);
    }
    sl::test::FakeSignIn signIn(server);
    signIn.onCodeIssued = [&signIn](const QString &userCode) {
        std::printf("sign-in code %s: open %s to approve it\n", qPrintable(userCode),
                    qPrintable(signIn.approveLink().toString()));
        std::fflush(stdout);
    };
    if (!server.start(quint16(portNumber))) {
        std::fprintf(stderr, "sightline-fakestore: cannot listen on 127.0.0.1:%u\n", portNumber);
        return 1;
    }
    std::printf("serving %d customer assets at %s (any token; Ctrl+C stops)\n", assetCount,
                server.serviceRoot().toString().toLocal8Bit().constData());
    std::printf("sign-in authority: %s (any token is taken until someone signs in)\n",
                qPrintable(signIn.authority().toString()));
    std::fflush(stdout);
    return app.exec();
}
