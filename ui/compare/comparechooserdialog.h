#pragma once

#include "domain/capturerecord.h"

#include <QDialog>

#include <vector>

class QListWidget;

namespace sl {

// "Compare with…": the other captures of the selected capture's asset,
// oldest first, the default partner (the oldest or the newest) chosen, so
// that Enter compares before and after.
class CompareChooserDialog : public QDialog
{
    Q_OBJECT
public:
    CompareChooserDialog(const CaptureRecord &selected, const std::vector<CaptureRecord> &partners,
                         const QString &defaultPartnerId, QWidget *parent = nullptr);

    QString chosenId() const;
    QListWidget *list() const { return m_list; }
    // How a capture is named in the chooser and the gallery's menu: its type, date and who took it.
    static QString describe(const CaptureRecord &record);

private:
    QListWidget *m_list = nullptr;
};

} // namespace sl
