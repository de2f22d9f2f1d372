using Microsoft.Extensions.Localization;
using Salam.Application.Shifts.Common;
using Salam.Domain.People;
using Salam.Web.Components.Pages.Meetings;
using Salam.Web.Localization;

namespace Salam.Web.Components.Pages.Shifts;

/// <summary>
/// What the shift and national-event forms hold while they are typed: a Jalali day, start and end as Tehran wall-clock times
/// (Persian digits welcome), the skill and the places. <see cref="TryDraft"/> turns it into the command's instants or says what to fix.
/// </summary>
public sealed class ShiftForm
{
    public string Title { get; set; } = "";
    public string Place { get; set; } = "";
    public DateTime? Day { get; set; }
    public string Start { get; set; } = JalaliInput.ShowTime(new TimeOnly(9, 0));
    public string End { get; set; } = JalaliInput.ShowTime(new TimeOnly(13, 0));
    public VolunteerSkill Skill { get; set; }
    public int? Places { get; set; } = 10;

    /// <summary>
    /// The draft, or the first thing the form cannot read (a missing day, a time that is not HH:mm, places that are not a number).
    /// An end at or before the start is taken as the next day's (a night shift); the command refuses one longer than it allows.
    /// </summary>
    public bool TryDraft(IStringLocalizer<UiText> text, string placesLabel, out ShiftDraft draft, out string? problem)
    {
        draft = default!;
        problem = Day is null ? text["Shift.DayRequired"]
            : JalaliInput.ParseTime(Start) is null || JalaliInput.ParseTime(End) is null ? text["Meeting.TimeInvalid"]
            : Places is null ? string.Format(text["Digits.FixNumber"], placesLabel)
            : null;
        if (problem is not null) return false;
        var day = DateOnly.FromDateTime(Day!.Value);
        var (start, end) = (JalaliInput.ParseTime(Start)!.Value, JalaliInput.ParseTime(End)!.Value);
        var startsAt = JalaliInput.InTehran(day, start);
        var endsAt = JalaliInput.InTehran(end > start ? day : day.AddDays(1), end);
        draft = new ShiftDraft(Title, Place, startsAt, endsAt, Skill, Places!.Value);
        return true;
    }
}
