using Salam.Domain.Campaigns;
using Salam.Domain.Reports;

namespace Salam.Infrastructure.Reports;

/// <summary>
/// Campaigns' donations. Money is cash and vows in whole rials; goods count by <see cref="AidItem"/> in the Items breakdowns;
/// volunteer-time pledges stay on the campaign page. What was received counts where the recording centre is, its province:
/// at the province (on top of its counties' sum, which is 0) and the nation only. What was allocated, and of it delivered,
/// counts where it went, the allocation's neighbourhood, and sums up every level like duties do.
/// </summary>
internal sealed partial class RollupSql
{
    private static readonly string InRials = Values(Donation.MoneyKinds);
    private static readonly string InItems = Value(DonationKind.InKind);
    private static readonly string InHand = Values(Donation.InHandStatuses);
    private static readonly string AllocationDelivered = Value(AllocationStatus.Delivered);

    /// <summary>The neighbourhood's rials allocated and delivered (ga), joined to the neighbourhood n.</summary>
    private string NeighbourhoodAllocations => $"""
        LEFT JOIN (SELECT al."NeighbourhoodId" AS nid, SUM(al."Amount") AS allocated,
                SUM(CASE WHEN al."Status" = {AllocationDelivered} THEN al."Amount" ELSE 0 END) AS delivered
            FROM "DonationAllocations" al JOIN "Donations" dn ON dn."Id" = al."DonationId"
            WHERE dn."Kind" IN ({InRials}) AND {InNeighbourhoods("al.\"NeighbourhoodId\"")} GROUP BY al."NeighbourhoodId") ga ON ga.nid = n."Id"
        """;

    /// <summary>Goods allocated to (and delivered in) the neighbourhood, by item.</summary>
    private string ItemsGivenOut(BreakdownKind kind, bool delivered) => $"""
        SELECT al."NeighbourhoodId" AS nid, {Value(kind)} AS kind, dn."Item" AS k, SUM(al."Amount") AS v
        FROM "DonationAllocations" al JOIN "Donations" dn ON dn."Id" = al."DonationId"
        WHERE dn."Kind" = {InItems} {(delivered ? $"AND al.\"Status\" = {AllocationDelivered}" : "")} AND {InNeighbourhoods("al.\"NeighbourhoodId\"")}
        GROUP BY al."NeighbourhoodId", dn."Item"
        """;

    /// <summary>A province's rials received by its centres (od), one row per province, to join to the province level's rows of <paramref name="parent"/>.</summary>
    private string? OwnDonations(RollupLevel level, string parent) => level != RollupLevel.Province ? null : $"""
        LEFT JOIN (SELECT "ProvinceId" AS sid, SUM("Amount") AS rials FROM "Donations" WHERE "Kind" IN ({InRials}) AND "Status" IN ({InHand})
            AND {InProvinces("\"ProvinceId\"")} GROUP BY "ProvinceId") od ON od.sid = {parent}
        """;

    /// <summary>
    /// The province's goods received, by item, written on this run's province snapshots (its counties have none to sum); the
    /// nation then sums them with every other breakdown.
    /// </summary>
    private string OwnItemsReceived => $"""
        INSERT INTO "RollupBreakdowns" ("SnapshotId", "Kind", "Key", "Value")
        SELECT p."Id", {Value(BreakdownKind.ItemsReceived)}, dn."Item", SUM(dn."Amount")
        FROM "Donations" dn JOIN "RollupSnapshots" p ON p."Level" = {Level(RollupLevel.Province)} AND p."ScopeId" = dn."ProvinceId" AND p."ComputedAt" = @at
        WHERE dn."Kind" = {InItems} AND dn."Status" IN ({InHand}) AND {InProvinces("dn.\"ProvinceId\"")}
        GROUP BY p."Id", dn."Item"
        """;
}
