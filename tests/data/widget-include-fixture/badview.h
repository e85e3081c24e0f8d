// Fixture: a core header that wrongly includes a widget header; the
// nowidgets check must refuse it.
#pragma once
#include <QWidget>
