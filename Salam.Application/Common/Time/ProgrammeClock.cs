using Salam.Domain.Common;

namespace Salam.Application.Common.Time;

/// <summary>The programme's day from the application's clock, so every handler asks for "today" the same way.</summary>
public static class ProgrammeClock
{
    /// <summary>Today in Tehran (see <see cref="ProgrammeCalendar"/>).</summary>
    public static DateOnly Today(this TimeProvider clock) => ProgrammeCalendar.Today(clock.GetUtcNow());
}
