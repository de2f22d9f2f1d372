using System.Globalization;
using Salam.Application.Home.Queries;
using Salam.Application.Notifications.Common;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Residents;

/// <summary>
/// The words of the residents' texts: a resource in the reader's language, its typed titles and names cut (the longest
/// first) until the text and its stop footer fit <see cref="SmsParts.MaxParts"/> parts; Jalali dates, Persian digits in Persian.
/// </summary>
public static class ResidentTexts
{
    /// <summary>A typed title is never cut below this: past it the text is long for a different reason, and it shows.</summary>
    private const int ShortestName = 8;

    /// <summary>
    /// <paramref name="key"/> in <paramref name="language"/>: <paramref name="names"/> fill {0}…, <paramref name="facts"/>
    /// (dates, statuses, numbers) follow them and are never cut.
    /// </summary>
    public static string Compose(string language, string key, IReadOnlyList<string> names, params object[] facts)
    {
        var footer = "\n" + MessageText.Render(language, "Messages.StopFooter");
        var lengths = names.Select(n => n.Length).ToArray();
        while (true)
        {
            var text = MessageText.Render(language, key, [.. names.Select((n, i) => MessageText.Fit(n, lengths[i])), .. facts]);
            var longest = Array.IndexOf(lengths, lengths.DefaultIfEmpty(0).Max());
            if (SmsParts.Count(text + footer) <= SmsParts.MaxParts || longest < 0 || lengths[longest] <= ShortestName) return text;
            lengths[longest]--;
        }
    }

    public static string RoundOpened(string language, string round, DateTimeOffset closesAt) =>
        Compose(language, "Messages.RoundOpened", [round], Moment(language, closesAt));

    public static string RoundClosingSoon(string language, string round, DateTimeOffset closesAt) =>
        Compose(language, "Messages.RoundClosingSoon", [round], Moment(language, closesAt));

    /// <param name="first">The need that came first; null when no ballot was cast.</param>
    public static string ResultsPublished(string language, string round, string? first) => first is null
        ? Compose(language, "Messages.ResultsPublishedNoBallots", [round])
        : Compose(language, "Messages.ResultsPublished", [round, first]);

    public static string FollowedDutyChanged(string language, string duty, PlaceName agency, DutyStatus status, int percent) =>
        Compose(language, "Messages.FollowedDutyChanged", [duty, NameIn(language, agency)], status, percent);

    public static string FollowedDutyOverdue(string language, string duty, PlaceName agency, DateOnly dueDate) =>
        Compose(language, "Messages.FollowedDutyOverdue", [duty, NameIn(language, agency)], Day(language, dueDate));

    public static string CompletionQuestion(string language, string duty, PlaceName agency, DateOnly answerBy) =>
        Compose(language, "Messages.CompletionQuestion", [duty, NameIn(language, agency)], Day(language, answerBy));

    private static string NameIn(string language, PlaceName name) => language == Languages.English ? name.En : name.Fa;

    /// <summary>A day as people read it: «۱۵ آذر» in Persian, "15 Azar" in English (Jalali in both, as the app shows dates).</summary>
    public static string Day(string language, DateOnly day)
    {
        var (_, month, dayOfMonth) = JalaliDate.Parts(day);
        return language == Languages.English
            ? $"{dayOfMonth.ToString(CultureInfo.InvariantCulture)} {JalaliDate.MonthsEn[month - 1]}"
            : Digits.ToPersian($"{dayOfMonth.ToString(CultureInfo.InvariantCulture)} {JalaliDate.MonthsFa[month - 1]}");
    }

    /// <summary>A moment's Tehran day and time: «۱۵ آذر ساعت ۱۸:۰۰», "15 Azar 18:00".</summary>
    public static string Moment(string language, DateTimeOffset moment)
    {
        var local = ProgrammeCalendar.LocalTime(moment);
        var time = local.ToString("HH:mm", CultureInfo.InvariantCulture);
        var day = Day(language, DateOnly.FromDateTime(local));
        return language == Languages.English ? $"{day} {time}" : $"{day} ساعت {Digits.ToPersian(time)}";
    }
}
