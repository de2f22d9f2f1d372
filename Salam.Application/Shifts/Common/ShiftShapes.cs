using Salam.Domain.People;
using Salam.Application.Home.Queries;

namespace Salam.Application.Shifts.Common;

/// <summary>A shift's time, place, skill and places, as the forms send them (times are instants; the page reads Jalali day and Tehran time).</summary>
public sealed record ShiftDraft(string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill, int Places);

public sealed record ShiftWritten(int ShiftId, Guid Version);

public sealed record ShiftLine(int ShiftId, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, VolunteerSkill Skill, int Places,
    int Booked, PlaceName? Neighbourhood, bool National, bool AttendanceRecorded, int AttendedMinutes);

