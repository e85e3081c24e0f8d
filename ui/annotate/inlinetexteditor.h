#pragma once

#include <QLineEdit>

namespace sl {

// The one-line editor of a text label, shown on the canvas where the label
// is: Enter accepts, Esc cancels (neither reaches the canvas).
class InlineTextEditor : public QLineEdit
{
    Q_OBJECT
public:
    explicit InlineTextEditor(QWidget *parent = nullptr);

Q_SIGNALS:
    void accepted();
    void cancelled();

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace sl
