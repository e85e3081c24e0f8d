#include "browser/assetcsvimportdialog.h"

#include "editing/editauthor.h"
#include "store/storeworker.h"
#include "store/workspace.h"
#include "uitext.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sl {

namespace {

constexpr int kProgressPollMs = 100;
// Rejected rows listed in the dialog; the saved report has them all.
constexpr int kMaxRejectedShown = 5000;

} // namespace

AssetCsvImportDialog::AssetCsvImportDialog(StoreWorker &store, QWidget *parent) : QDialog(parent), m_store(store)
{
    setObjectName(QStringLiteral("assetCsvImportDialog"));
    setWindowTitle(tr("Import assets from CSV"));
    m_file = new QLabel(tr("No file chosen."), this);
    m_file->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("csvImportSummary"));
    m_summary->setWordWrap(true);
    m_rejected = new QTreeWidget(this);
    m_rejected->setObjectName(QStringLiteral("csvRejectedRows"));
    m_rejected->setRootIsDecorated(false);
    m_rejected->setUniformRowHeights(true);
    m_rejected->setHeaderLabels({tr("Row"), tr("Why it is not imported")});
    m_rejected->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);

    m_choose = new QPushButton(tr("Choose &file…"), this);
    m_saveRejected = new QPushButton(tr("&Save rejected rows…"), this);
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setDefault(true);
    m_close = new QPushButton(tr("&Close"), this);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_choose, QDialogButtonBox::ActionRole);
    buttons->addButton(m_saveRejected, QDialogButtonBox::ActionRole);
    buttons->addButton(m_import, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    connect(m_choose, &QPushButton::clicked, this, &AssetCsvImportDialog::chooseFile);
    connect(m_saveRejected, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save rejected rows"), QString(),
                                                          tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveRejectedRows(path);
    });
    connect(m_import, &QPushButton::clicked, this, &AssetCsvImportDialog::startImport);
    connect(m_close, &QPushButton::clicked, this, &AssetCsvImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejected, 1);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(640, 420);

    m_progressPoll.setInterval(kProgressPollMs);
    connect(&m_progressPoll, &QTimer::timeout, this, [this] { m_progress->setValue(int(m_done->load())); });
    setBusy(false);
}

AssetCsvImportDialog::~AssetCsvImportDialog()
{
    m_cancel->store(true);
}

void AssetCsvImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Import assets from CSV"), QString(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        preview(path);
}

void AssetCsvImportDialog::preview(const QString &path)
{
    m_preview.reset();
    m_rejected->clear();
    m_file->setText(tr("File: %1").arg(QDir::toNativeSeparators(path)));
    m_summary->setText(tr("Reading the file…"));
    setBusy(true);
    using Prepared = std::pair<std::shared_ptr<AssetCsvPreview>, QString>;
    std::function<Prepared(Workspace &)> job = [path](Workspace &workspace) {
        QString error;
        std::optional<AssetCsvPreview> prepared = AssetCsvImport(workspace.database()).prepare(path, &error);
        return Prepared(prepared ? std::make_shared<AssetCsvPreview>(std::move(*prepared)) : nullptr, error);
    };
    m_store.post<Prepared>(this, std::move(job), [this](StoreResult<Prepared> result) {
        setBusy(false);
        const QString error = !result.ok() ? result.error : result.value->second;
        if (!result.ok() || !result.value->first) {
            m_summary->setText(tr("The file cannot be imported: %1").arg(error));
            setBusy(false);
            Q_EMIT previewReady(false);
            return;
        }
        m_preview = result.value->first;
        showPreview();
        setBusy(false);
        Q_EMIT previewReady(true);
    });
}

void AssetCsvImportDialog::showPreview()
{
    const QLocale locale;
    const qsizetype accepted = qsizetype(m_preview->toCreate.size());
    const qsizetype rejected = qsizetype(m_preview->rejected.size());
    QString text = (accepted == 1 ? tr("1 row will be imported as a new asset.")
                                  : tr("%1 rows will be imported as new assets.").arg(locale.toString(qint64(accepted))))
        + QLatin1Char(' ')
        + (rejected == 1 ? tr("1 row is rejected.") : tr("%1 rows are rejected.").arg(locale.toString(qint64(rejected))));
    if (!m_preview->ignoredColumns.isEmpty())
        text += QLatin1Char('\n') + tr("Columns not in the template are ignored: %1")
                                        .arg(m_preview->ignoredColumns.join(QStringLiteral(", ")));
    m_summary->setText(text);
    m_rejected->clear();
    QList<QTreeWidgetItem *> items;
    for (const AssetCsvRejectedRow &row : m_preview->rejected) {
        if (items.size() == kMaxRejectedShown)
            break;
        auto *item = new QTreeWidgetItem({locale.toString(row.row), row.reason});
        item->setData(0, Qt::UserRole, row.row);
        items.append(item);
    }
    m_rejected->addTopLevelItems(items);
}

void AssetCsvImportDialog::startImport()
{
    if (!m_preview || m_preview->toCreate.empty() || m_busy)
        return;
    m_cancel->store(false);
    m_done->store(0);
    m_progress->setRange(0, int(m_preview->toCreate.size()));
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_summary->setText(tr("Importing…"));
    setBusy(true);
    m_progressPoll.start();
    using Committed = std::pair<qint64, QString>; // created (-1: none), error
    std::function<Committed(Workspace &)> job = [preview = m_preview, cancel = m_cancel,
                                                 done = m_done](Workspace &workspace) {
        QString error;
        const std::optional<qsizetype> created = AssetCsvImport(workspace.database())
            .commit(*preview, EditAuthor::current(), [done](qsizetype rows, qsizetype) { done->store(rows); },
                    cancel.get(), &error);
        return Committed(created ? qint64(*created) : -1, error);
    };
    m_store.post<Committed>(this, std::move(job), [this](StoreResult<Committed> result) {
        m_progressPoll.stop();
        m_progress->setVisible(false);
        setBusy(false);
        const bool ok = result.ok() && result.value->first >= 0;
        if (ok) {
            m_summary->setText(tr("Imported %1. They wait in the outbox to be sent to the asset store.")
                                   .arg(UiText::assets(int(result.value->first))));
            m_preview->toCreate.clear(); // imported: not again
            m_import->setEnabled(false);
        } else {
            m_summary->setText(tr("Nothing was imported: %1").arg(result.ok() ? result.value->second : result.error));
        }
        Q_EMIT importFinished(ok, ok ? result.value->first : 0);
        if (m_closeWhenDone)
            QDialog::reject();
    });
}

void AssetCsvImportDialog::saveRejectedRows(const QString &path)
{
    if (!m_preview)
        return;
    std::function<QString(Workspace &)> job = [preview = m_preview, path](Workspace &) {
        QString error;
        return AssetCsvImport::writeRejectedRows(*preview, path, &error) ? QString() : error;
    };
    m_store.post<QString>(this, std::move(job), [this, path](StoreResult<QString> result) {
        const QString error = result.ok() ? *result.value : result.error;
        m_file->setText(error.isEmpty() ? tr("Rejected rows saved to %1").arg(QDir::toNativeSeparators(path))
                                        : tr("The rejected rows could not be saved: %1").arg(error));
        Q_EMIT reportSaved(error.isEmpty());
    });
}

int AssetCsvImportDialog::acceptedCount() const
{
    return m_preview ? int(m_preview->toCreate.size()) : 0;
}

int AssetCsvImportDialog::rejectedCount() const
{
    return m_preview ? int(m_preview->rejected.size()) : 0;
}

QString AssetCsvImportDialog::summaryText() const
{
    return m_summary->text();
}

void AssetCsvImportDialog::reject()
{
    if (m_busy) {
        // An import stops at its next batch and leaves nothing; the dialog
        // closes once the worker says so.
        m_cancel->store(true);
        m_closeWhenDone = true;
        m_summary->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

void AssetCsvImportDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_choose->setEnabled(!busy);
    m_saveRejected->setEnabled(!busy && m_preview && !m_preview->rejected.empty());
    m_import->setEnabled(!busy && m_preview && !m_preview->toCreate.empty());
    m_close->setText(busy ? tr("Cancel") : tr("&Close"));
}

} // namespace sl
