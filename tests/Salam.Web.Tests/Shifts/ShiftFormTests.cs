using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Web.Components.Pages.Shifts;
using Salam.Web.Localization;

namespace Salam.Web.Tests.Shifts;

/// <summary>How the shift forms read a Jalali day and Tehran clock times, and how hours are said.</summary>
public sealed class ShiftFormTests : ComponentTest
{
    private IStringLocalizer<UiText> Text => Services.GetRequiredService<IStringLocalizer<UiText>>();
    private DisplayFormat Format => Services.GetRequiredService<DisplayFormat>();

    [Fact]
    public void Persian_digit_times_on_a_jalali_day_become_the_tehran_instants()
    {
        Use(Cultures.Persian);
        var day = new DateOnly(2027, 2, 3); // 14 Bahman 1405
        var form = new ShiftForm { Title = "گفت‌وگو", Place = "سالن", Day = day.ToDateTime(TimeOnly.MinValue), Start = "۰۹:۳۰", End = "١٣:٠٠", Skill = VolunteerSkill.Teaching, Places = 7 };

        Assert.True(form.TryDraft(Text, "places", out var draft, out var problem), problem);

        Assert.Equal(new DateTimeOffset(2027, 2, 3, 6, 0, 0, TimeSpan.Zero), draft.StartsAt); // Tehran is UTC+3:30
        Assert.Equal(new DateTimeOffset(2027, 2, 3, 9, 30, 0, TimeSpan.Zero), draft.EndsAt);
        Assert.Equal((VolunteerSkill.Teaching, 7, "گفت‌وگو"), (draft.Skill, draft.Places, draft.Title));
    }

    [Fact]
    public void An_end_before_the_start_is_the_next_mornings()
    {
        Use(Cultures.Persian);
        var day = new DateOnly(2027, 3, 10);
        var form = new ShiftForm { Day = day.ToDateTime(TimeOnly.MinValue), Start = "۲۲:۰۰", End = "۰۲:۰۰" };

        Assert.True(form.TryDraft(Text, "places", out var draft, out _));

        Assert.Equal(day.AddDays(1).ToDateTime(new TimeOnly(2, 0)), ProgrammeCalendar.LocalTime(draft.EndsAt));
        Assert.Equal(TimeSpan.FromHours(4), draft.EndsAt - draft.StartsAt);
    }

    [Theory]
    [InlineData(false, "۰۹:۰۰", "۱۲:۰۰", 5, "روز نوبت را برگزینید.")]
    [InlineData(true, "نه صبح", "۱۲:۰۰", 5, "ساعت را به شکل ساعت:دقیقه بنویسید")]
    [InlineData(true, "۰۹:۰۰", "۱۲:۰۰", null, "«شمار جاها» عدد نیست")]
    [InlineData(true, "۹", "۲۵", 5, "ساعت را به شکل ساعت:دقیقه بنویسید")]
    public void What_the_form_cannot_read_is_said_and_no_draft_is_made(bool withDay, string start, string end, int? places, string message)
    {
        Use(Cultures.Persian);
        var form = new ShiftForm { Day = withDay ? new DateTime(2027, 3, 10) : null, Start = start, End = end, Places = places };

        Assert.False(form.TryDraft(Text, "شمار جاها", out _, out var problem));
        Assert.Contains(message, problem);
    }

    [Theory]
    [InlineData("۹", 9, 0)]
    [InlineData("9:5", 9, 5)]
    [InlineData("۱۶:۳۰", 16, 30)]
    public void An_hour_alone_or_with_minutes_is_read_in_any_digits(string typed, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), Components.Pages.Meetings.JalaliInput.ParseTime(typed));

    [Theory]
    [InlineData(Cultures.Persian, 0, "۰")]
    [InlineData(Cultures.Persian, 45, "۴۵ دقیقه")]
    [InlineData(Cultures.Persian, 120, "۲ ساعت")]
    [InlineData(Cultures.Persian, 12_345, "۲۰۵ ساعت و ۴۵ دقیقه")]
    [InlineData(Cultures.English, 150, "2 h 30 min")]
    [InlineData(Cultures.English, 60_000, "1,000 h")]
    public void Minutes_are_said_as_hours_and_minutes_in_the_readers_digits(string culture, long minutes, string said)
    {
        Use(culture);
        Assert.Equal(said, ShiftText.Hours(Format, Text, minutes));
    }

    [Fact]
    public void A_shift_on_one_day_names_the_day_once()
    {
        Use(Cultures.English);
        var starts = new DateTimeOffset(2027, 2, 3, 6, 0, 0, TimeSpan.Zero);
        Assert.Equal("14 Bahman 1405, 09:30 to 13:00", ShiftText.When(Format, Text, starts, starts.AddHours(3.5)));
    }
}
