using Microsoft.Extensions.Localization;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Shifts;

/// <summary>How shifts read on every page: a Jalali day with its Tehran hours, hours worked from minutes, the skill or "any skill".</summary>
public static class ShiftText
{
    /// <summary>"۱۴۰۵/۱۱/۱۴، ساعت ۰۹:۰۰ تا ۱۳:۰۰": the end's day is left out when it is the start's (a shift is at most 12 hours).</summary>
    public static string When(DisplayFormat format, IStringLocalizer<UiText> text, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var end = ProgrammeCalendar.LocalTime(endsAt);
        var endText = ProgrammeCalendar.DayOf(startsAt) == ProgrammeCalendar.DayOf(endsAt)
            ? JalaliInput.ShowTime(TimeOnly.FromDateTime(end))
            : format.DateTime(endsAt);
        return string.Format(text["Shift.FromTo"], format.DateTime(startsAt), endText);
    }

    /// <summary>Minutes as people say them: "۳ ساعت و ۱۵ دقیقه", "۲ ساعت", "۴۵ دقیقه", "۰".</summary>
    public static string Hours(DisplayFormat format, IStringLocalizer<UiText> text, long minutes)
    {
        var (hours, rest) = (minutes / 60, minutes % 60);
        if (minutes <= 0) return format.Number(0);
        if (rest == 0) return string.Format(text["Shift.HoursOnly"], format.Number(hours));
        if (hours == 0) return string.Format(text["Shift.MinutesOnly"], format.Number(rest));
        return string.Format(text["Shift.HoursAndMinutes"], format.Number(hours), format.Number(rest));
    }

    /// <summary>The skill a shift asks for, or "any skill" (also the roll-up's key 0).</summary>
    public static string Skill(DisplayFormat format, IStringLocalizer text, VolunteerSkill skill) =>
        skill == VolunteerSkill.None ? text["Shift.AnySkill"] : format.Enum(skill);
}
