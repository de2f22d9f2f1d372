using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.OpenData;

/// <summary>
/// Open data: the public pages' figures as JSON and CSV for anyone without signing in, shared-cacheable, counts under 5 withheld,
/// text cells neutralised against spreadsheet formulas, and an OpenAPI document that lists these endpoints and nothing else.
/// </summary>
public sealed class OpenDataTests(OpenDataTests.Factory factory) : IClassFixture<OpenDataTests.Factory>
{
    public const string Pardisan = "QOM-01-001";
    public const string FormulaAddress = "=cmd|' /C calc'!A0";
    public const string FormulaTitle = "+HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script>";

    /// <summary>The app on its own database, with formula payloads put in before any request (so no cached answer predates them).</summary>
    public sealed class Factory : SalamWebFactory
    {
        private bool _arranged;

        public async Task ArrangeAsync()
        {
            if (_arranged) return;
            _arranged = true;
            await using var scope = Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            await db.Centres.Where(c => c.Neighbourhoods.Any(n => n.Code == Pardisan)).ExecuteUpdateAsync(c => c.SetProperty(x => x.Address, FormulaAddress));
            await db.Duties.Where(d => db.Neighbourhoods.Any(n => n.Id == d.NeighbourhoodId && n.Code == Pardisan)).ExecuteUpdateAsync(d => d.SetProperty(x => x.Title, FormulaTitle));
        }
    }

    private async Task<HttpClient> AnonymousAsync()
    {
        await factory.ArrangeAsync();
        return factory.NewClient();
    }

    [Fact]
    public async Task The_openapi_document_lists_the_six_open_data_endpoints_and_nothing_else_under_its_licence()
    {
        var client = await AnonymousAsync();
        var response = await client.GetAsync("/open/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["/open/national.csv", "/open/national.json", "/open/neighbourhoods/{code}.csv", "/open/neighbourhoods/{code}.json",
            "/open/provinces/{code}.csv", "/open/provinces/{code}.json"], paths);
        Assert.Equal("CC BY 4.0", document.RootElement.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
        // The JSON answers are described, enums by name as they are written.
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.TryGetProperty("NeighbourhoodPage", out _));
        Assert.Contains("Disputed", schemas.GetProperty("DutyStatus").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task The_national_figures_come_as_json_to_anyone_shared_cacheable_with_small_counts_withheld()
    {
        var client = await AnonymousAsync();
        var response = await client.GetAsync("/open/national.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertShared(response);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var figures = json.RootElement.GetProperty("figures");
        Assert.True(figures.GetProperty("registeredResidents").GetInt32() >= 0);
        // The demo holds one disputed duty: 1 is under 5, so it is withheld; no completion is confirmed, and zero names nobody.
        var disputed = figures.GetProperty("completionsDisputed");
        Assert.Equal(JsonValueKind.Null, disputed.GetProperty("value").ValueKind);
        Assert.True(disputed.GetProperty("fewerThanSmallNumber").GetBoolean());
        Assert.Equal(0, figures.GetProperty("completionsConfirmed").GetProperty("value").GetInt32());
        Assert.NotEmpty(json.RootElement.GetProperty("provinces").EnumerateArray());
    }

    [Fact]
    public async Task The_national_csv_has_the_same_figures_as_the_json_one_per_row_with_withheld_cells_empty_and_flagged()
    {
        var client = await AnonymousAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/open/national.json"));
        var response = await client.GetAsync("/open/national.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        AssertShared(response);
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync(), out var header);
        Assert.Equal(["section", "id", "name_fa", "name_en", "measure", "value", "withheld"], header);
        string Figure(string measure) => rows.Single(r => r[0] == "national" && r[4] == measure)[5];
        Assert.Equal(json.RootElement.GetProperty("figures").GetProperty("dutiesDone").GetInt32().ToString(CultureInfo.InvariantCulture), Figure("duties_done"));
        Assert.Equal(json.RootElement.GetProperty("figures").GetProperty("registeredResidents").GetInt32().ToString(CultureInfo.InvariantCulture), Figure("registered_residents"));
        var withheld = rows.Single(r => r[0] == "national" && r[4] == "completions_disputed");
        Assert.Equal(("", "1"), (withheld[5], withheld[6]));
        Assert.All(rows.Where(r => r[6] == "1"), r => Assert.Equal("", r[5]));
        var provinces = json.RootElement.GetProperty("provinces").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).Order().ToList();
        Assert.Equal(provinces, rows.Where(r => r[0] == "province").Select(r => r[1]).Distinct().Order().ToList());
    }

    [Fact]
    public async Task A_neighbourhood_s_csv_neutralises_formulas_in_text_and_its_json_carries_them_as_plain_strings()
    {
        var client = await AnonymousAsync();
        var rows = ReadCsv(await client.GetByteArrayAsync($"/open/neighbourhoods/{Pardisan}.csv"), out _);

        Assert.Contains(rows, r => r[0] == "centre" && r[4] == "address" && r[5] == "'" + FormulaAddress);
        Assert.Contains(rows, r => r[0] == "duty" && r[4] == "title" && r[5] == "'" + FormulaTitle);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && "=+@".Contains(cell[0]));
        Assert.Contains(rows, r => r[0] == "neighbourhood" && r[1] == Pardisan && r[3] == "Pardisan");

        var json = await client.GetStringAsync($"/open/neighbourhoods/{Pardisan}.json");
        using var page = JsonDocument.Parse(json);
        Assert.Equal(FormulaAddress, page.RootElement.GetProperty("centre").GetProperty("address").GetString());
        // JSON escapes what an HTML reader would act on; the payload is data, never markup.
        Assert.DoesNotContain("<script>", json, StringComparison.Ordinal);
        Assert.Contains(page.RootElement.GetProperty("duties").EnumerateArray(), d => d.GetProperty("title").GetString() == FormulaTitle);
    }

    [Fact]
    public async Task A_province_s_figures_come_in_both_forms_and_list_its_neighbourhoods()
    {
        var client = await AnonymousAsync();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/open/provinces/QOM.json"));
        Assert.Equal("QOM", json.RootElement.GetProperty("code").GetString());
        Assert.Contains(json.RootElement.GetProperty("neighbourhoods").EnumerateArray(), n => n.GetProperty("code").GetString() == Pardisan);

        var response = await client.GetAsync("/open/provinces/QOM.csv");
        AssertShared(response);
        var rows = ReadCsv(await response.Content.ReadAsByteArrayAsync(), out _);
        Assert.Contains(rows, r => r[0] == "neighbourhood" && r[1] == Pardisan);
        Assert.Contains(rows, r => r[0] == "province" && r[1] == "QOM" && r[4] == "duties_done");
    }

    [Fact]
    public async Task A_repeat_request_is_answered_from_the_output_cache_with_its_age()
    {
        var client = await AnonymousAsync();
        (await client.GetAsync("/open/provinces/QOM.json")).EnsureSuccessStatusCode();
        var again = await client.GetAsync("/open/provinces/QOM.json");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(again.Headers.Age);
        AssertShared(again);
    }

    [Theory]
    [InlineData("/open/neighbourhoods/NO-SUCH.json")]
    [InlineData("/open/neighbourhoods/NO-SUCH.csv")]
    [InlineData("/open/provinces/NOPE.json")]
    [InlineData("/open/provinces/NOPE.csv")]
    public async Task An_unknown_place_is_not_found_and_the_answer_is_not_kept_by_any_cache(string path)
    {
        var client = await AnonymousAsync();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task A_signed_in_reader_gets_the_same_figures_and_nothing_of_their_own()
    {
        var anonymous = await AnonymousAsync();
        var staff = factory.NewClient();
        await staff.SignInStaffAsync("officer.qom");
        var mine = await staff.GetStringAsync($"/open/neighbourhoods/{Pardisan}.json");
        Assert.Equal(await anonymous.GetStringAsync($"/open/neighbourhoods/{Pardisan}.json"), mine);
    }

    [Fact]
    public async Task The_licence_note_is_a_page_anyone_reads_in_both_languages()
    {
        var client = await AnonymousAsync();
        var persian = await client.GetStringAsync("/open");
        Assert.Contains("CC BY 4.0", persian);
        Assert.Contains("داده‌های باز", persian);
        Assert.Contains("/open/openapi.json", persian);
        Assert.DoesNotContain("blazor.web.js", persian);
        Assert.Contains("What is withheld, and why", await client.GetStringAsync("/open?culture=en-US"));
    }

    private static void AssertShared(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl is { Public: true, NoStore: false, MaxAge: not null }, $"Cache-Control: {response.Headers.CacheControl}");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("rel=\"license\"", response.Headers.GetValues("Link").Single());
    }

    private static List<string[]> ReadCsv(byte[] file, out string[] header)
    {
        Assert.True(file.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]>();
        string[]? names = null;
        while (reader.Read())
        {
            names ??= [.. reader.Headers];
            rows.Add([.. names.Select(h => reader[h].ToString())]);
        }
        header = names ?? [];
        return rows;
    }
}
