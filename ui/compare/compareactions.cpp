#include "compare/compareactions.h"

#include "capturegallerywidget.h"
#include "captureviewerwidget.h"
#include "compare/comparecandidates.h"
#include "compare/comparechooserdialog.h"
#include "compare/comparewindow.h"
#include "mainwindow.h"
#include "store/assetdetails.h"
#include "store/storeworker.h"

#include <QAction>
#include <QMenu>
#include <QStatusBar>

#include <optional>
#include <utility>

namespace sl {

namespace {

constexpr int kStatusMs = 6000;

std::vector<CaptureRecord> galleryRecords(const CaptureGalleryWidget &gallery)
{
    std::vector<CaptureRecord> records;
    for (const GalleryEntry &entry : gallery.entries())
        records.push_back(entry.record);
    return records;
}

using OpenedPair = std::pair<std::optional<CaptureOpening>, std::optional<CaptureOpening>>;

} // namespace

CompareActions::CompareActions(MainWindow *window)
    : QObject(window)
    , m_window(window)
{
    m_compareWith = new QAction(tr("Co&mpare with…"), this);
    m_compareWith->setObjectName(QStringLiteral("compareWithAction"));
    m_compareWith->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_compareWith, &QAction::triggered, this, &CompareActions::compareWithSelected);
    window->captureGallery()->setMenuExtension(
        [this](QMenu *menu, const QStringList &ids) { extendGalleryMenu(menu, ids); });
}

void CompareActions::addTo(QMenu *menu)
{
    menu->addAction(m_compareWith);
}

QString CompareActions::selectedCaptureId() const
{
    const QStringList selected = m_window->captureGallery()->selectedCaptureIds();
    if (!selected.isEmpty())
        return selected.first();
    if (m_window->captureGallery()->entry(m_window->captureViewer()->currentCaptureId()))
        return m_window->captureViewer()->currentCaptureId();
    // Nothing chosen: the asset's oldest, so the default pair is the oldest and the newest.
    const std::vector<CaptureRecord> ordered =
        CompareCandidates::ofAsset(galleryRecords(*m_window->captureGallery()), m_window->currentAssetId());
    return ordered.empty() ? QString() : ordered.front().id;
}

void CompareActions::compareWithSelected()
{
    const QString selectedId = selectedCaptureId();
    const std::vector<CaptureRecord> all = galleryRecords(*m_window->captureGallery());
    const std::vector<CaptureRecord> partners = CompareCandidates::partnersOf(all, selectedId);
    if (partners.empty()) {
        showStatus(selectedId.isEmpty() ? tr("Select a capture to compare.")
                                        : tr("This asset has no other capture to compare with."));
        return;
    }
    const GalleryEntry *selected = m_window->captureGallery()->entry(selectedId);
    auto *dialog = new CompareChooserDialog(selected->record, partners,
                                            CompareCandidates::defaultPartnerOf(all, selectedId), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, selectedId] {
        if (const QString chosen = dialog->chosenId(); !chosen.isEmpty())
            compare(selectedId, chosen);
    });
    dialog->open();
}

void CompareActions::extendGalleryMenu(QMenu *menu, const QStringList &selectedIds)
{
    const std::vector<CaptureRecord> all = galleryRecords(*m_window->captureGallery());
    if (selectedIds.size() == 2) {
        // Two selected: compare exactly those.
        menu->addAction(tr("Compare these two"), this,
                        [this, selectedIds] { compare(selectedIds[0], selectedIds[1]); });
        return;
    }
    const QString selectedId = selectedIds.value(0);
    const std::vector<CaptureRecord> partners = CompareCandidates::partnersOf(all, selectedId);
    QMenu *with = menu->addMenu(tr("Compare with"));
    with->setObjectName(QStringLiteral("compareWithMenu"));
    with->setEnabled(selectedIds.size() == 1 && !partners.empty());
    const QString defaultId = CompareCandidates::defaultPartnerOf(all, selectedId);
    for (const CaptureRecord &partner : partners) {
        QAction *action = with->addAction(CompareChooserDialog::describe(partner), this,
                                          [this, selectedId, id = partner.id] { compare(selectedId, id); });
        if (partner.id == defaultId)
            with->setDefaultAction(action); // shown bold: before against after
    }
}

void CompareActions::compare(const QString &captureId, const QString &otherId)
{
    if (m_window->workspaceDirectory().isEmpty() || captureId.isEmpty() || otherId.isEmpty() || captureId == otherId)
        return;
    std::function<OpenedPair(Workspace &)> job = [captureId, otherId](Workspace &workspace) {
        return OpenedPair(CaptureOpening::read(workspace, captureId), CaptureOpening::read(workspace, otherId));
    };
    m_window->store()->post<OpenedPair>(this, std::move(job), [this](StoreResult<OpenedPair> result) {
        if (!result.ok()) {
            showStatus(tr("The captures could not be read: %1").arg(result.error));
            return;
        }
        auto &[first, second] = *result.value;
        if (!first || !second) {
            showStatus(tr("That capture is not in this workspace."));
            return;
        }
        if (first->record.assetId != second->record.assetId) {
            showStatus(tr("Only captures of the same asset can be compared."));
            return;
        }
        const auto [left, right] = CompareCandidates::leftToRight(first->record, second->record);
        CaptureOpening &a = left.id == first->record.id ? *first : *second;
        CaptureOpening &b = left.id == first->record.id ? *second : *first;
        auto *window = new CompareWindow(m_window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        window->resize(1280, 760);
        window->open({a.record, a.mediaPath, std::move(a.worldMarkups)},
                     {b.record, b.mediaPath, std::move(b.worldMarkups)});
        window->show();
        m_last = window;
        Q_EMIT compareOpened(window);
    });
}

CompareWindow *CompareActions::lastWindow() const
{
    return m_last;
}

void CompareActions::showStatus(const QString &text)
{
    m_window->statusBar()->showMessage(text, kStatusMs);
}

} // namespace sl
