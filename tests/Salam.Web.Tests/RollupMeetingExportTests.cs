using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Meetings;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// The exports carry meetings held and decided duties delivered on time: each place's figures are what the meetings and
/// duties tables hold, and the total is its places' sum plus the meetings of its own level (a province's, a county's).
/// </summary>
public sealed class RollupMeetingExportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private sealed record Places(int Mazandaran, int Sari, int SariNeighbourhood);

    /// <summary>In Mazandaran: a province meeting held, a Sari county meeting held, a Sari neighbourhood meeting published whose duty was done on time.</summary>
    private async Task<Places> ArrangeOnceAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var places = new Places(await db.Provinces.Where(p => p.Code == "MZN").Select(p => p.Id).SingleAsync(),
            await db.Counties.Where(c => c.NameEn == "Sari").Select(c => c.Id).SingleAsync(), 0);
        places = places with { SariNeighbourhood = await db.Neighbourhoods.Where(n => n.CountyId == places.Sari).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync() };
        if (await db.Meetings.AnyAsync(m => m.Title == Title)) return places;

        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var (at, council) = (now.AddHours(2), new Func<MeetingOrganisation>(() => new(OrganisationKind.ResidentsRepresentatives, null, "نمایندگان")));
        Meeting Held(int? county, int? neighbourhood)
        {
            var meeting = new Meeting(MeetingKind.ProvincialCoordination, Title, "استانداری", now.AddHours(1), places.Mazandaran, county, neighbourhood, [council()], [], 1, now);
            meeting.RecordAttendance([council()], 9, at);
            return meeting;
        }
        var published = Held(places.Sari, places.SariNeighbourhood);
        published.WriteMinutes("مصوبات", isPublic: false);
        published.Decide(new DecisionDraft(DecisionKind.AgencyDuty, "مصوبه", "", agency, places.SariNeighbourhood, ProgrammeCalendar.DayOf(at).AddDays(7), null), 1, at);
        var duty = published.PublishMinutes(at).Single().BecameDuty(1, at);
        duty.Advance(DutyStatus.Accepted, 0, null, 1, at);
        duty.Advance(DutyStatus.Done, 100, null, 1, at);
        db.Meetings.AddRange(Held(null, null), Held(places.Sari, null), published);
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IRollupEngine>().RunAsync(RollupMode.Full, now.AddMinutes(1), CancellationToken.None);
        return places;
    }

    private const string Title = "جلسه آزمون گزارش";

    /// <summary>Held meetings under a place, and its decided duties (done on time), counted straight from the tables.</summary>
    private async Task<(int Meetings, int Decided, int OnTime)> CountedAsync(int? provinceId, int? countyId, int? neighbourhoodId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var meetings = await db.Meetings.Where(m => m.Status != MeetingStatus.Planned && (provinceId == null || m.ProvinceId == provinceId)
            && (countyId == null || m.CountyId == countyId) && (neighbourhoodId == null || m.NeighbourhoodId == neighbourhoodId)).CountAsync();
        var duties = db.MeetingDecisions.Where(d => d.DutyId != null).Select(d => d.Duty!)
            .Where(d => neighbourhoodId == null || d.NeighbourhoodId == neighbourhoodId)
            .Where(d => countyId == null || db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.CountyId == countyId))
            .Where(d => provinceId == null || db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.County!.ProvinceId == provinceId));
        return (meetings, await duties.CountAsync(), await duties.CountAsync(d => d.Status == DutyStatus.Done && d.CompletedOnTime));
    }

    /// <summary>Held meetings of a place's own level (a county's or a province's, not of the places under it).</summary>
    private async Task<int> OwnMeetingsAsync(System.Linq.Expressions.Expression<Func<Meeting, bool>> own)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Meetings.Where(m => m.Status != MeetingStatus.Planned).CountAsync(own);
    }

    [Fact]
    public async Task The_excel_export_of_a_province_s_counties_has_each_county_s_meetings_and_the_province_s_own_in_its_total()
    {
        var places = await ArrangeOnceAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        using var stream = new MemoryStream(await client.GetByteArrayAsync($"/reports/export.xlsx?level={(int)RollupLevel.County}&parent={places.Mazandaran}"));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        int Cell(IDictionary<string, object?> row, string column) => Convert.ToInt32(row[column], System.Globalization.CultureInfo.InvariantCulture);

        var sari = rows.Single(r => Equals(r["مکان"], "ساری"));
        Assert.Equal(await CountedAsync(null, places.Sari, null), (Cell(sari, "جلسه‌های برگزارشده"), Cell(sari, "وظایف مصوب جلسه‌ها"), Cell(sari, "مصوبات انجام‌شده به‌موقع")));
        Assert.True(Cell(sari, "جلسه‌های برگزارشده") >= 2);
        Assert.Equal(100.0, Convert.ToDouble(sari["سهم مصوبات به‌موقع"], System.Globalization.CultureInfo.InvariantCulture));

        var total = rows.Single(r => Equals(r["مکان"], "جمع مازندران"));
        var counties = rows.Where(r => r != total).ToList();
        var provinceOwn = await OwnMeetingsAsync(m => m.ProvinceId == places.Mazandaran && m.CountyId == null);
        Assert.True(provinceOwn >= 1);
        Assert.Equal(counties.Sum(r => Cell(r, "جلسه‌های برگزارشده")) + provinceOwn, Cell(total, "جلسه‌های برگزارشده"));
        Assert.Equal(await CountedAsync(places.Mazandaran, null, null), (Cell(total, "جلسه‌های برگزارشده"), Cell(total, "وظایف مصوب جلسه‌ها"), Cell(total, "مصوبات انجام‌شده به‌موقع")));
        Assert.Equal(counties.Sum(r => Cell(r, "وظایف مصوب جلسه‌ها")), Cell(total, "وظایف مصوب جلسه‌ها"));
    }

    [Fact]
    public async Task The_csv_export_of_a_county_s_neighbourhoods_adds_the_county_s_own_meetings_to_their_sum_in_its_total()
    {
        var places = await ArrangeOnceAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        await client.GetAsync("/culture?culture=en-US");
        var file = await client.GetByteArrayAsync($"/reports/export.csv?level={(int)RollupLevel.Neighbourhood}&parent={places.Sari}");

        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        var total = rows.Single(r => r["Place"].StartsWith("Total for ", StringComparison.Ordinal));
        var neighbourhoods = rows.Where(r => r != total).ToList();
        int Sum(string column) => neighbourhoods.Sum(r => int.Parse(r[column], System.Globalization.CultureInfo.InvariantCulture));
        int Total(string column) => int.Parse(total[column], System.Globalization.CultureInfo.InvariantCulture);

        var sari = await CountedAsync(null, places.Sari, null);
        var own = await OwnMeetingsAsync(m => m.CountyId == places.Sari && m.NeighbourhoodId == null);
        Assert.True(own >= 1);
        Assert.Equal((sari.Meetings, sari.Decided, sari.OnTime), (Total("Meetings held"), Total("Duties decided in meetings"), Total("Decisions delivered on time")));
        Assert.Equal((Sum("Meetings held") + own, Sum("Duties decided in meetings"), Sum("Decisions delivered on time")),
            (Total("Meetings held"), Total("Duties decided in meetings"), Total("Decisions delivered on time")));
        // The neighbourhood whose decided duty was done on time: 100 %; a neighbourhood where nothing was decided: an empty cell.
        Assert.Contains(neighbourhoods, r => r["Decisions on time (share)"] == "100");
        Assert.Contains(neighbourhoods, r => r["Decisions on time (share)"] == "");
    }
}
