using Salam.Application.Home.Queries;
using Salam.Application.Notifications.Common;
using Salam.Application.Notifications.Residents;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Tests.Notifications;

/// <summary>Every resident text, in both languages, with the longest titles and names the app accepts, fits two SMS parts with its footer.</summary>
public sealed class ResidentMessagesTextTests
{
    private static readonly DateTimeOffset Closes = new(2026, 12, 31, 14, 30, 0, TimeSpan.Zero); // 10 Dey 1405, 18:00 Tehran
    private static readonly DateOnly Day = new(2027, 3, 20); // 29 Esfand 1405: the longest Jalali day and month

    /// <summary>Each kind's text, for a language and the names to put in it.</summary>
    public static TheoryData<string, MessageKind, string> Kinds()
    {
        var data = new TheoryData<string, MessageKind, string>();
        foreach (var language in Languages.All)
        foreach (var names in new[] { "persian", "latin", "short" })
        foreach (var kind in new[] { MessageKind.RoundOpened, MessageKind.RoundClosingSoon, MessageKind.ResultsPublished, MessageKind.FollowedDutyChanged, MessageKind.CompletionQuestion })
            data.Add(language, kind, names);
        return data;
    }

    private static (string Title, string Other, PlaceName Agency) Names(string names) => names switch
    {
        // The longest each form accepts: a round or duty title of 200, a need title of 150, an agency's name of 150.
        "persian" => (new string('ب', 200), new string('پ', 150), new PlaceName(new string('ش', 150), new string('ش', 150))),
        "latin" => (new string('b', 200), new string('p', 150), new PlaceName(new string('s', 150), new string('s', 150))),
        _ => ("پارک محله", "روشنایی کوچه", new PlaceName("بهزیستی قم", "Qom Welfare")),
    };

    private static IEnumerable<string> Texts(string language, MessageKind kind, string names)
    {
        var (title, other, agency) = Names(names);
        return kind switch
        {
            MessageKind.RoundOpened => [ResidentTexts.RoundOpened(language, title, Closes)],
            MessageKind.RoundClosingSoon => [ResidentTexts.RoundClosingSoon(language, title, Closes)],
            MessageKind.ResultsPublished => [ResidentTexts.ResultsPublished(language, title, other), ResidentTexts.ResultsPublished(language, title, null)],
            MessageKind.FollowedDutyChanged => [.. Enum.GetValues<DutyStatus>().Select(s => ResidentTexts.FollowedDutyChanged(language, title, agency, s, 100)),
                ResidentTexts.FollowedDutyOverdue(language, title, agency, Day)],
            MessageKind.CompletionQuestion => [ResidentTexts.CompletionQuestion(language, title, agency, Day)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_text_with_its_footer_fits_two_parts_in_the_readers_language(string language, MessageKind kind, string names)
    {
        var footer = MessageText.Render(language, "Messages.StopFooter");
        foreach (var text in Texts(language, kind, names))
        {
            Assert.InRange(SmsParts.Count($"{text}\n{footer}"), 1, SmsParts.MaxParts);
            Assert.DoesNotContain("Messages.", text); // a missing resource shows its key
            if (language == Languages.Persian) Assert.DoesNotMatch("[0-9]", text); // Persian digits only
            else Assert.Matches("^(Voting on|Results of|Duty) | says ", text); // English words, whatever the names
        }
        // A short name is never cut; the longest Persian ones always are (two Persian parts hold 134 characters).
        if (names == "short") Assert.All(Texts(language, kind, names), text => Assert.DoesNotContain("…", text));
        if (names == "persian") Assert.All(Texts(language, kind, names), text => Assert.Contains("…", text));
    }

    [Fact]
    public void Dates_are_jalali_with_persian_digits_in_persian_and_jalali_months_in_english()
    {
        Assert.Equal("۱۰ دی ساعت ۱۸:۰۰", ResidentTexts.Moment(Languages.Persian, Closes));
        Assert.Equal("10 Dey 18:00", ResidentTexts.Moment(Languages.English, Closes));
        Assert.Equal("۲۹ اسفند", ResidentTexts.Day(Languages.Persian, Day));
        Assert.Equal("29 Esfand", ResidentTexts.Day(Languages.English, Day));
        Assert.Contains("۱۰۰٪", ResidentTexts.FollowedDutyChanged(Languages.Persian, "پارک", new PlaceName("بهزیستی", "Welfare"), DutyStatus.Done, 100));
        Assert.Contains("is now: Done, 100% complete", ResidentTexts.FollowedDutyChanged(Languages.English, "Park", new PlaceName("بهزیستی", "Welfare"), DutyStatus.Done, 100));
    }
}
