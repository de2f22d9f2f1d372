using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salam.Application;
using Salam.Application.Residents.Commands.ImportResidents;
using Salam.Infrastructure;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;

namespace Salam.Bench.Residents;

/// <summary>
/// Bulk registration of residents (issue 11): a CSV of N residents across facilitator.pardisan's neighbourhoods, previewed
/// and applied through the real pipeline (mediator, scope, validation, EF, audit trail) on a fresh copy of the demo database,
/// against a floor on another copy: the same rows inserted by one prepared INSERT in one transaction. Median of the runs.
/// </summary>
public static class ResidentImportBench
{
    private const string Facilitator = "facilitator.pardisan";

    public static async Task<int> RunAsync(int rows, int runs, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("salam-resident-import-");
        try
        {
            var template = Path.Combine(folder.FullName, "template.db");
            var watch = Stopwatch.StartNew();
            await using (var app = Build(template)) await app.InitialiseDatabaseAsync(cancellationToken);
            await CheckpointAsync(template);
            Console.WriteLine($"resident-import: demo database ready in {watch.Elapsed.TotalSeconds:F1}s");

            var codes = await CodesAsync(template, cancellationToken);
            var file = Csv(rows, codes);
            Console.WriteLine($"resident-import: {rows:N0} rows over {codes.Count} neighbourhoods, {file.Length / 1024.0:N0} KB; {runs} runs each");

            var (preview, apply, floor) = (new List<double>(), new List<double>(), new List<double>());
            for (var run = 1; run <= runs; run++)
            {
                var (p, a) = await PipelineAsync(Copy(template, folder, $"pipeline-{run}.db"), file, rows, cancellationToken);
                var f = await FloorAsync(Copy(template, folder, $"floor-{run}.db"), file, cancellationToken);
                preview.Add(p);
                apply.Add(a);
                floor.Add(f);
                Console.WriteLine($"resident-import: run {run}: preview {p:F2}s, apply {a:F2}s, preview+apply {p + a:F2}s; floor {f:F2}s");
            }
            var total = Median(preview.Zip(apply, (p, a) => p + a));
            Console.WriteLine($"resident-import: median preview={Median(preview):F2}s apply={Median(apply):F2}s preview+apply={total:F2}s " +
                $"floor={Median(floor):F2}s ratio={total / Median(floor):F1}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Preview then apply, each a request of its own as the page sends them; checks every row was registered.</summary>
    private static async Task<(double Preview, double Apply)> PipelineAsync(string path, byte[] file, int rows, CancellationToken cancellationToken)
    {
        await using var app = Build(path);
        var facilitator = await PrincipalAsync(app);
        var watch = Stopwatch.StartNew();
        var preview = await SendAsync(app, facilitator, new ImportResidents(file, Apply: false), cancellationToken);
        var previewTime = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var applied = await SendAsync(app, facilitator, new ImportResidents(file, Apply: true), cancellationToken);
        var applyTime = watch.Elapsed.TotalSeconds;
        if (preview.Accepted != rows || !applied.Applied || applied.Accepted != rows)
            throw new BenchException($"expected {rows} accepted rows, preview accepted {preview.Accepted}, apply {applied.Accepted}: {preview.Rows.FirstOrDefault(r => !r.Accepted)?.Reason}");
        return (previewTime, applyTime);
    }

    /// <summary>The least any import must do: parse nothing, check nothing, insert the rows in one transaction.</summary>
    private static async Task<double> FloorAsync(string path, byte[] file, CancellationToken cancellationToken)
    {
        var lines = Encoding.UTF8.GetString(file).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        await connection.OpenAsync(cancellationToken);
        var ids = new Dictionary<string, long>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Code, Id FROM Neighbourhoods";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids[reader.GetString(0)] = reader.GetInt64(1);
        }
        var at = (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(DateTimeOffset.UtcNow)!;
        var watch = Stopwatch.StartNew();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Residents (NeighbourhoodId, FullName, Mobile, NationalId, RegisteredAt, Status) VALUES ($n, $f, $m, $i, $at, 0)";
        var (n, f, m, i) = (insert.Parameters.Add("$n", SqliteType.Integer), insert.Parameters.Add("$f", SqliteType.Text), insert.Parameters.Add("$m", SqliteType.Text), insert.Parameters.Add("$i", SqliteType.Text));
        insert.Parameters.AddWithValue("$at", at);
        foreach (var line in lines)
        {
            (f.Value, m.Value, i.Value, n.Value) = (line[0], line[1], line[2], ids[line[3]]);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return watch.Elapsed.TotalSeconds;
    }

    private static byte[] Csv(int rows, IReadOnlyList<string> codes)
    {
        var csv = new StringBuilder("full_name,mobile,national_id,neighbourhood_code\n");
        for (var row = 0; row < rows; row++)
            csv.Append(CultureInfo.InvariantCulture, $"ساکن آزمایشی شمارهٔ {row + 1},0937{row:D7},{NationalIdOf(row)},{codes[row % codes.Count]}\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>A valid national id per row; its first nine digits start with 66, which no demo resident has.</summary>
    private static string NationalIdOf(int row)
    {
        var body = "66" + row.ToString("D7", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += (body[i] - '0') * (10 - i);
        var remainder = sum % 11;
        return body + (remainder < 2 ? remainder : 11 - remainder).ToString(CultureInfo.InvariantCulture);
    }

    private static async Task<IReadOnlyList<string>> CodesAsync(string path, CancellationToken cancellationToken)
    {
        await using var app = Build(path);
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var centre = await db.Users.Where(u => u.UserName == Facilitator).Select(u => u.CentreId).SingleAsync(cancellationToken);
        return await db.Neighbourhoods.Where(n => n.CentreId == centre && n.IsActive).OrderBy(n => n.Id).Select(n => n.Code).ToListAsync(cancellationToken);
    }

    private static async Task<ResidentImportReport> SendAsync(ServiceProvider app, ClaimsPrincipal user, ImportResidents command, CancellationToken cancellationToken)
    {
        await using var scope = app.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(user);
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    private static async Task<ClaimsPrincipal> PrincipalAsync(ServiceProvider app)
    {
        await using var scope = app.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync(Facilitator)
            ?? throw new BenchException($"No {Facilitator} in the demo database");
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(account);
    }

    /// <summary>The application and infrastructure as the web app wires them, on one SQLite file; Development, so the demo country is seeded.</summary>
    private static ServiceProvider Build(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={path}",
            ["Database:SeedDemoData"] = "true",
            ["Hangfire:Server"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddApplication();
        services.AddInfrastructure(configuration, new BenchEnvironment());
        services.AddSingleton(TimeProvider.System);
        return services.BuildServiceProvider();
    }

    private static async Task CheckpointAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await command.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }

    private static string Copy(string template, DirectoryInfo folder, string name)
    {
        var path = Path.Combine(folder.FullName, name);
        File.Copy(template, path, overwrite: true);
        return path;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Salam.Bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
