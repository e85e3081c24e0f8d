#include "sync/idsweepschedule.h"

#include "sync/syncstaterepository.h"

namespace sl {

namespace {

struct Mark
{
    int pollsSince = 0;
    QDateTime sweptAt; // invalid: never swept
};

Mark readMark(Database &db, const QString &key)
{
    const std::optional<SyncTableState> row = SyncStateRepository(db).find(key);
    if (!row)
        return {};
    return {row->lastModified.toInt(), QDateTime::fromString(row->pulledAt, Qt::ISODateWithMs)};
}

void writeMark(Database &db, const QString &key, const Mark &mark)
{
    SyncTableState row;
    row.entitySet = key;
    row.lastModified = QString::number(mark.pollsSince);
    row.tracked = false;
    row.pulledAt = mark.sweptAt.toUTC().toString(Qt::ISODateWithMs);
    SyncStateRepository(db).save(row);
}

} // namespace

IdSweepSchedule::IdSweepSchedule(Database &db, const QString &entitySet)
    : m_db(db), m_key(entitySet + QStringLiteral("/$idsweep"))
{
}

bool IdSweepSchedule::due(const IdSweepSettings &settings, const QDateTime &now) const
{
    const Mark mark = readMark(m_db, m_key);
    if (mark.pollsSince + 1 >= settings.everyPolls)
        return true;
    return mark.sweptAt.isValid() && mark.sweptAt.secsTo(now) >= qint64(settings.maxAgeHours) * 3600;
}

void IdSweepSchedule::countPoll(const QDateTime &now)
{
    Mark mark = readMark(m_db, m_key);
    ++mark.pollsSince;
    if (!mark.sweptAt.isValid())
        mark.sweptAt = now; // the age counts from the first poll
    writeMark(m_db, m_key, mark);
}

void IdSweepSchedule::swept(const QDateTime &now)
{
    writeMark(m_db, m_key, {0, now});
}

} // namespace sl
