using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salam.Application;
using Salam.Application.Geography.Commands.ImportGeography;
using Salam.Domain.People;
using Salam.Infrastructure;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;

namespace Salam.Bench.Rollups;

/// <summary>
/// A whole country's geography file (31 provinces, 430 counties, 40,000 neighbourhoods) previewed, applied and applied again
/// through the real pipeline (mediator, validation, scope, EF Core, the audit trail) on a fresh SQLite file, against a floor:
/// the same rows inserted raw by one prepared statement per table in one transaction, into a fresh file of the same schema.
/// </summary>
public static class GeographyImportBench
{
    public static async Task<int> RunAsync(int runs, int neighbourhoods, CancellationToken cancellationToken)
    {
        var (file, rows) = Country(31, 430, neighbourhoods);
        Console.WriteLine($"geography-import: {rows.Count:N0} rows ({file.Length / 1024.0 / 1024.0:F1} MB), {runs} runs, each on fresh SQLite files");
        var preview = new List<double>(); var apply = new List<double>(); var again = new List<double>(); var floor = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            await using (var app = await PipelineAsync(cancellationToken))
            {
                preview.Add(await TimeAsync(() => app.SendAsync(new PreviewGeographyImport(file))));
                apply.Add(await TimeAsync(() => app.SendAsync(new ApplyGeographyImport(file))));
                again.Add(await TimeAsync(() => app.SendAsync(new ApplyGeographyImport(file))));
            }
            await using (var raw = await PipelineAsync(cancellationToken)) floor.Add(Floor(raw.ConnectionString, rows));
            Console.WriteLine($"geography-import: run {run}: preview {preview[^1]:F2}s, apply {apply[^1]:F2}s, re-apply {again[^1]:F2}s, raw insert floor {floor[^1]:F2}s");
        }
        Console.WriteLine($"geography-import: median preview={Median(preview):F2}s apply={Median(apply):F2}s re-apply={Median(again):F2}s floor={Median(floor):F2}s " +
            $"apply/floor={Median(apply) / Median(floor):F1}");
        return 0;
    }

    private static async Task<double> TimeAsync(Func<Task> work)
    {
        var watch = Stopwatch.StartNew();
        await work();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    internal sealed record Row(string Level, string Code, string Parent, string NameFa, string NameEn);

    /// <summary>The file an administrator would upload: every province, then its counties, then their neighbourhoods.</summary>
    internal static (byte[] File, List<Row> Rows) Country(int provinces, int counties, int neighbourhoods)
    {
        var rows = new List<Row>();
        for (var p = 0; p < provinces; p++)
        {
            rows.Add(new Row("province", $"P{p:D2}", "", $"استان {p}", $"Province {p}"));
            for (var c = p; c < counties; c += provinces)
            {
                rows.Add(new Row("county", $"P{p:D2}-C{c:D3}", $"P{p:D2}", $"شهرستان {c}", $"County {c}"));
                for (var n = c; n < neighbourhoods; n += counties)
                    rows.Add(new Row("neighbourhood", $"P{p:D2}-C{c:D3}-N{n:D5}", $"P{p:D2}-C{c:D3}", $"محلهٔ شمارهٔ {n}", $"Neighbourhood {n}"));
            }
        }
        var text = new StringBuilder("level,code,parent_code,name_fa,name_en\n");
        foreach (var row in rows) text.Append(row.Level).Append(',').Append(row.Code).Append(',').Append(row.Parent).Append(',').Append(row.NameFa).Append(',').Append(row.NameEn).Append('\n');
        return (Encoding.UTF8.GetBytes(text.ToString()), rows);
    }

    /// <summary>The same places by prepared inserts in one transaction: no parsing, no checks, no change tracking, no audit.</summary>
    private static double Floor(string connectionString, List<Row> rows)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var ids = new Dictionary<string, long>();
        foreach (var (table, parent) in new[] { ("Provinces", ""), ("Counties", "ProvinceId, "), ("Neighbourhoods", "CountyId, ") })
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {table} ({parent}Code, NameFa, NameEn, IsActive) VALUES ({(parent.Length > 0 ? "$parent, " : "")}$code, $fa, $en, 1) RETURNING Id";
            var (parentId, code, fa, en) = (insert.Parameters.Add("$parent", SqliteType.Integer), insert.Parameters.Add("$code", SqliteType.Text),
                insert.Parameters.Add("$fa", SqliteType.Text), insert.Parameters.Add("$en", SqliteType.Text));
            if (parent.Length == 0) insert.Parameters.Remove(parentId);
            var level = table switch { "Provinces" => "province", "Counties" => "county", _ => "neighbourhood" };
            foreach (var row in rows.Where(r => r.Level == level))
            {
                if (parent.Length > 0) parentId.Value = ids[row.Parent];
                (code.Value, fa.Value, en.Value) = (row.Code, row.NameFa, row.NameEn);
                ids[row.Code] = (long)insert.ExecuteScalar()!;
            }
        }
        transaction.Commit();
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>The application and infrastructure as the app composes them, on a new migrated SQLite file, as an administrator.</summary>
    private static async Task<Pipeline> PipelineAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"salam-geo-bench-{Guid.NewGuid():N}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = connectionString, ["Database:SeedDemoData"] = "false", ["Hangfire:Server"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration, new BenchEnvironment());
        var provider = services.BuildServiceProvider();
        await provider.InitialiseDatabaseAsync(cancellationToken);
        return new Pipeline(provider, path, connectionString);
    }

    private sealed class Pipeline(ServiceProvider services, string path, string connectionString) : IAsyncDisposable
    {
        public string ConnectionString => connectionString;

        private static readonly ClaimsPrincipal Admin = new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "1"), new Claim(ClaimTypes.Role, nameof(Role.Admin)), new Claim(ClaimTypes.GivenName, "bench")], "bench"));

        public async Task SendAsync(IMessage request)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(Admin);
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send((object)request);
        }

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) File.Delete(file);
        }
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Salam.Bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
