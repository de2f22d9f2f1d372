using System.Net;
using System.Text;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
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
