using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Reports.Queries.GetRollupReport;
using Salam.Domain.People;
using Salam.Domain.Reports;
using Salam.Infrastructure.Persistence;

namespace Salam.Bench.Rollups;

/// <summary>
/// The data behind the ministry dashboard's first render, on this database: the report query's handler for the provinces
/// table, a province's counties and a county's neighbourhoods, each timed many times; p95 over all of them.
/// </summary>
internal static class DashboardProbe
{
    private const int Rounds = 40;

    public static async Task<string> RunAsync(SqliteSalamDbContext db, CancellationToken cancellationToken)
    {
        var user = new Ministry();
        var handler = new GetRollupReportHandler(db, user);
        var province = await db.Provinces.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(cancellationToken);
        var county = await db.Counties.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(cancellationToken);
        GetRollupReport[] queries = [new(RollupLevel.Province), new(RollupLevel.County, province), new(RollupLevel.Neighbourhood, county)];
        var times = new List<double>();
        foreach (var query in queries) await handler.Handle(query, cancellationToken); // first use: JIT and query compilation
        for (var round = 0; round < Rounds; round++)
            foreach (var query in queries)
            {
                var watch = Stopwatch.StartNew();
                await handler.Handle(query, cancellationToken);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        times.Sort();
        return $"rollup: dashboard report query (provinces, a province's counties, a county's neighbourhoods; {times.Count} reads): " +
            $"p50 {Say.N(times[times.Count / 2])}ms p95 {Say.N(times[(int)(times.Count * 0.95)])}ms max {Say.N(times[^1])}ms";
    }

    private sealed class Ministry : ICurrentUser
    {
        public int? UserId => 0;
        public Role? Role => Domain.People.Role.MinistryStaff;
        public bool IsSystem => false;
        public int? ProvinceId => null;
        public int? CentreId => null;
        public int? AgencyId => null;
        public int? ResidentId => null;
        public int? NeighbourhoodId => null;
        public string? DisplayName => "bench";
    }
}
