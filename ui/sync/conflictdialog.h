#pragma once

#include "sync/syncconflictrepository.h"
#include "sync/syncconflictsettlement.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace sl {

class StoreWorker;

// The workspace's sync conflicts, one record (outbox entry) at a time: each
// field changed here and on the store with its base, mine and theirs, to
// keep Mine, take Theirs, or Edit (a value typed here). Resolve settles the
// record through SyncConflictSettlement on the store worker; the GUI thread
// runs no SQL.
class ConflictDialog : public QDialog
{
    Q_OBJECT

public:
    using Keep = SyncConflictSettlement::Choice::Keep;

    explicit ConflictDialog(StoreWorker &store, QWidget *parent = nullptr);

    // Reads the conflicts again (on the store worker); loaded() follows.
    void reload();

    // For tests and screenshots: the record shown, its fields, the choice of one.
    int recordCount() const;
    int fieldCount() const;
    QString fieldAt(int row) const; // the field's key, e.g. "assetTag"
    void showRecord(int index);
    void choose(int row, Keep keep, const QString &typed = {});
    void resolve();
    QString statusText() const;

Q_SIGNALS:
    void loaded(int records);
    // A record was settled (true), or refused with statusText() saying why.
    void resolved(bool ok);

private:
    struct Record
    {
        qint64 outboxSeq = 0;
        QString entity;
        QString entityId;
        QString title; // what the record is, e.g. the asset's name
        std::vector<SyncConflict> fields;
    };

    void showRecords(const std::vector<Record> &records);
    void fillFields();
    void onKeepChanged(int row);

    StoreWorker &m_store;
    std::vector<Record> m_records;
    QComboBox *m_recordBox = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_resolve = nullptr;
};

} // namespace sl
