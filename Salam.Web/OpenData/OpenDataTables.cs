using Salam.Application.Home.Queries;
using Salam.Application.Public.Common;
using Salam.Application.Public.Queries.GetNationalPage;
using Salam.Application.Public.Queries.GetNeighbourhoodPage;
using Salam.Application.Public.Queries.GetProvincePage;
using Salam.Application.Stories.Queries.GetPublishedStories;

namespace Salam.Web.OpenData;

/// <summary>
/// The public pages' figures as one long table (one figure per row), the same for the three levels, so a reader joins or pivots
/// them alike: <c>section, id, name_fa, name_en, measure, value, withheld</c>. A count under 5 is withheld: its value is empty and
/// <c>withheld</c> is 1. Values are written invariantly (Latin digits, ISO dates), text cells neutralised against formulas
/// (TableExport).
/// </summary>
public static class OpenDataTables
{
    public static readonly IReadOnlyList<string> Headers = ["section", "id", "name_fa", "name_en", "measure", "value", "withheld"];

    public static IEnumerable<IReadOnlyList<object?>> National(NationalPage page) =>
    [
        .. Figures("national", "IR", new PlaceName("ایران", "Iran"), page.Figures),
        .. page.Provinces.SelectMany(p => Place("province", p)),
        .. page.FeaturedStories.SelectMany(Story),
    ];

    public static IEnumerable<IReadOnlyList<object?>> Province(ProvincePage page) =>
    [
        .. Figures("province", page.Code, page.Name, page.Figures),
        .. page.Counties.SelectMany(c => Place("county", c)),
        .. page.Neighbourhoods.SelectMany(n => new[] { Row("neighbourhood", n.Code, n.Name, "county_fa", n.County.Fa), Row("neighbourhood", n.Code, n.Name, "county_en", n.County.En) }),
        .. page.Stories.SelectMany(Story),
    ];

    public static IEnumerable<IReadOnlyList<object?>> Neighbourhood(NeighbourhoodPage page)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("neighbourhood", page.Code, page.Name, "county_fa", page.County.Fa),
            Row("neighbourhood", page.Code, page.Name, "county_en", page.County.En),
            Row("neighbourhood", page.Code, page.Name, "province_code", page.ProvinceCode),
            Count("neighbourhood", page.Code, page.Name, "volunteers", page.Volunteers),
        };
        if (page.Centre is { } centre) rows.Add(Row("centre", "", centre.Name, "address", centre.Address));
        if (page.CurrentRound is { } round)
        {
            var none = new PlaceName("", "");
            rows.Add(Row("round", "current", none, "title", round.Title));
            rows.Add(Row("round", "current", none, "opens_at", round.OpensAt));
            rows.Add(Row("round", "current", none, "closes_at", round.ClosesAt));
            rows.Add(Count("round", "current", none, "participants", round.Participants));
        }
        if (page.LatestResults is { } results)
        {
            var none = new PlaceName("", "");
            rows.Add(Row("results", "latest", none, "round_title", results.RoundTitle));
            rows.Add(Row("results", "latest", none, "published_at", results.PublishedAt));
            rows.Add(Count("results", "latest", none, "participants", results.Participants));
            rows.AddRange(results.Lines.Select(l => Row("result", l.Position.ToString(System.Globalization.CultureInfo.InvariantCulture), none, "need", l.NeedTitle)));
        }
        rows.AddRange(page.Duties.SelectMany(Duty));
        rows.AddRange(page.Minutes.SelectMany(m => new[]
        {
            Row("minutes", Id(m.MeetingId), m.ScopeName, "title", m.Title),
            Row("minutes", Id(m.MeetingId), m.ScopeName, "kind", m.Kind.ToString()),
            Row("minutes", Id(m.MeetingId), m.ScopeName, "starts_at", m.StartsAt),
            Row("minutes", Id(m.MeetingId), m.ScopeName, "attendees", m.Attendees),
            Row("minutes", Id(m.MeetingId), m.ScopeName, "decisions", m.Decisions.Count),
        }));
        rows.AddRange(page.VolunteersBySkill.Select(s => Count("volunteers", s.Skill.ToString(), new PlaceName("", ""), "count", s.Count)));
        rows.AddRange(page.Stories.SelectMany(Story));
        return rows;
    }

    private static IEnumerable<IReadOnlyList<object?>> Figures(string section, string code, PlaceName name, PublicFigures f) =>
    [
        Row(section, code, name, "computed_at", f.ComputedAt),
        Row(section, code, name, "registered_residents", f.RegisteredResidents),
        Row(section, code, name, "voters", f.Voters),
        Row(section, code, name, "participation_rate", Rate(f.ParticipationRate)),
        Row(section, code, name, "duties_total", f.DutiesTotal),
        Row(section, code, name, "duties_done", f.DutiesDone),
        Row(section, code, name, "duties_done_on_time", f.DutiesDoneOnTime),
        Row(section, code, name, "duties_overdue", f.DutiesOverdue),
        Row(section, code, name, "on_time_rate", Rate(f.OnTimeRate)),
        Count(section, code, name, "volunteers", f.Volunteers),
        Row(section, code, name, "meetings_held", f.MeetingsHeld),
        Count(section, code, name, "completions_confirmed", f.CompletionsConfirmed),
        Count(section, code, name, "completions_disputed", f.CompletionsDisputed),
        Row(section, code, name, "completions_unanswered", f.CompletionsUnanswered),
        .. f.ByAgencyKind.SelectMany(k => new[]
        {
            Row("agency_kind", k.Kind.ToString(), name, "duties_done", k.Done),
            Row("agency_kind", k.Kind.ToString(), name, "duties_done_on_time", k.DoneOnTime),
            Row("agency_kind", k.Kind.ToString(), name, "on_time_rate", Rate(k.OnTimeRate)),
        }),
    ];

    private static IEnumerable<IReadOnlyList<object?>> Place(string section, PublicPlaceLine p) =>
    [
        Row(section, p.Code, p.Name, "participation_rate", Rate(p.ParticipationRate)),
        Row(section, p.Code, p.Name, "duties_done", p.DutiesDone),
        Row(section, p.Code, p.Name, "on_time_rate", Rate(p.OnTimeRate)),
        Row(section, p.Code, p.Name, "duties_overdue", p.DutiesOverdue),
    ];

    private static IEnumerable<IReadOnlyList<object?>> Duty(PublicDuty d)
    {
        var (id, agency) = (Id(d.DutyId), d.Agency);
        IEnumerable<IReadOnlyList<object?>> rows =
        [
            Row("duty", id, agency, "title", d.Title),
            Row("duty", id, agency, "need", d.NeedTitle),
            Row("duty", id, agency, "agency_kind", d.AgencyKind.ToString()),
            Row("duty", id, agency, "status", d.Status.ToString()),
            Row("duty", id, agency, "percent", d.Percent),
            Row("duty", id, agency, "due_date", d.DueDate),
            Row("duty", id, agency, "days_overdue", d.DaysOverdue),
            Row("duty", id, agency, "last_update_at", d.LastUpdateAt),
            Row("duty", id, agency, "last_update_note", d.LastUpdateNote),
        ];
        return d.Confirmations is { } c
            ? [.. rows, Count("duty", id, agency, "confirmed_yes", c.Yes), Count("duty", id, agency, "confirmed_partly", c.Partly), Count("duty", id, agency, "confirmed_no", c.No)]
            : rows;
    }

    private static IEnumerable<IReadOnlyList<object?>> Story(PublishedStory s) =>
    [
        Row("story", Id(s.StoryId), s.Neighbourhood, "title", s.Title),
        Row("story", Id(s.StoryId), s.Neighbourhood, "subject", s.Subject.ToString()),
        Row("story", Id(s.StoryId), s.Neighbourhood, "neighbourhood_code", s.NeighbourhoodCode),
        Row("story", Id(s.StoryId), s.Neighbourhood, "approved_at", s.ApprovedAt),
        Row("story", Id(s.StoryId), s.Neighbourhood, "featured", s.Featured ? 1 : 0),
        Row("story", Id(s.StoryId), s.Neighbourhood, "photos", s.Photos.Count),
    ];

    private static object?[] Row(string section, string id, PlaceName name, string measure, object? value) =>
        [section, id, name.Fa, name.En, measure, value, 0];

    private static object?[] Count(string section, string id, PlaceName name, string measure, PublicCount count) =>
        [section, id, name.Fa, name.En, measure, count.Value, count.FewerThanSmallNumber ? 1 : 0];

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A share as a percentage to one decimal, as the report exports write it.
    private static double Rate(double share) => Math.Round(100 * share, 1);
}
