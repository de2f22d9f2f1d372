using Microsoft.EntityFrameworkCore;
using Salam.Domain.Geography;
using Salam.Domain.Meetings;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Which places a save's meetings change the roll-up of: a meeting that is (or was) held counts at its own level. Marks name
/// neighbourhoods only, so a county's or a province's meeting marks one neighbourhood under that county or province: the
/// run recomputes a marked neighbourhood's county, province and the nation, which is what the meeting changed.
/// </summary>
/// <remarks>
/// A decision's duty needs nothing here: it is added with the publication that makes it, and changes later as a duty, and
/// the marker marks every duty change. A meeting never moves, so its current place is the one its count changes.
/// </remarks>
internal static class MeetingMarks
{
    public sealed record Places(List<int> Neighbourhoods, List<int> Counties, List<int> Provinces)
    {
        public bool AboveNeighbourhoods => Counties.Count > 0 || Provinces.Count > 0;
    }

    public static Places Changed(DbContext context)
    {
        var places = new Places([], [], []);
        foreach (var entry in context.ChangeTracker.Entries<Meeting>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var status = entry.Property(m => m.Status);
            if (!Counts(status.CurrentValue) && !Counts(status.OriginalValue)) continue; // planned, before and after: no figure changes
            var meeting = entry.Entity;
            if (meeting.NeighbourhoodId is { } neighbourhood) places.Neighbourhoods.Add(neighbourhood);
            else if (meeting.CountyId is { } county) places.Counties.Add(county);
            else places.Provinces.Add(meeting.ProvinceId);
        }
        return places;
    }

    /// <summary>One neighbourhood under each county, and one under each province, of the places' meetings.</summary>
    public static IQueryable<int> InCounties(DbContext context, Places places) =>
        context.Set<Neighbourhood>().AsNoTracking().Where(n => places.Counties.Contains(n.CountyId))
            .GroupBy(n => n.CountyId).Select(g => g.Min(n => n.Id));

    public static IQueryable<int> InProvinces(DbContext context, Places places) =>
        context.Set<Neighbourhood>().AsNoTracking().Where(n => places.Provinces.Contains(n.County!.ProvinceId))
            .GroupBy(n => n.County!.ProvinceId).Select(g => g.Min(n => n.Id));

    /// <summary>Held, or held with its minutes published: the statuses the roll-up counts.</summary>
    private static bool Counts(MeetingStatus status) => status >= MeetingStatus.Held;
}
