using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Duties;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests.Completions;

/// <summary>The roll-up exports carry completions confirmed, disputed and unanswered: the provinces sum to the national total, which is what the tables hold.</summary>
public sealed class RollupCompletionExportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Disputed = "Completions disputed by residents";
    private const string Confirmed = "Completions confirmed by residents";
    private const string Unanswered = "Completions residents have not answered";

    /// <summary>A full roll-up now, and the disputed and unanswered duties as the tables hold them.</summary>
    private async Task<(int Disputed, int Unanswered)> RolledUpAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<IRollupEngine>().RunAsync(RollupMode.Full, now.AddMinutes(1), CancellationToken.None);
        return (await db.Duties.CountAsync(d => d.Status == DutyStatus.Disputed),
            await db.Duties.CountAsync(d => d.Status == DutyStatus.Done && !db.CompletionChecks.Any(c => c.DutyId == d.Id && c.CompletionRound == d.CompletionRound)));
    }

    [Fact]
    public async Task The_csv_export_of_the_provinces_sums_to_the_national_completion_figures()
    {
        var (disputed, unanswered) = await RolledUpAsync();
        Assert.True(disputed >= 1, "the demo holds a disputed duty");
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");
        await client.GetAsync("/culture?culture=en-US");

        var file = await client.GetByteArrayAsync($"/reports/export.csv?level={(int)RollupLevel.Province}");

        using var reader = CsvReader.Create(file.AsMemory(Encoding.UTF8.Preamble.Length), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read()) rows.Add(reader.Headers.ToDictionary(h => h, h => reader[h].ToString()));
        var total = rows.Single(r => r["Place"].StartsWith("Total for ", StringComparison.Ordinal));
        var provinces = rows.Where(r => r != total).ToList();
        int Total(string column) => int.Parse(total[column], CultureInfo.InvariantCulture);
        int Sum(string column) => provinces.Sum(r => int.Parse(r[column], CultureInfo.InvariantCulture));

        Assert.Equal((disputed, unanswered), (Total(Disputed), Total(Unanswered)));
        Assert.Equal((Sum(Confirmed), Sum(Disputed), Sum(Unanswered)), (Total(Confirmed), Total(Disputed), Total(Unanswered)));
    }

    [Fact]
    public async Task The_excel_export_names_the_completion_columns_in_persian_and_agrees_with_the_csv_figures()
    {
        var (disputed, _) = await RolledUpAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("ministry");

        using var stream = new MemoryStream(await client.GetByteArrayAsync($"/reports/export.xlsx?level={(int)RollupLevel.Province}"));
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        var total = rows.Single(r => r["مکان"]?.ToString()?.StartsWith("جمع", StringComparison.Ordinal) == true);
        Assert.Equal(disputed, Convert.ToInt32(total["کارهای مورد اعتراض ساکنان"], CultureInfo.InvariantCulture));
        Assert.Equal(rows.Where(r => r != total).Sum(r => Convert.ToInt32(r["کارهای تأییدشده به دست ساکنان"], CultureInfo.InvariantCulture)),
            Convert.ToInt32(total["کارهای تأییدشده به دست ساکنان"], CultureInfo.InvariantCulture));
    }
}
