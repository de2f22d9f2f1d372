using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Common;

/// <summary>Loading campaigns and donations to change them, and saving them against what the form last showed.</summary>
public static class CampaignSaving
{
    /// <summary>The campaign with its places, goals and centres (owned, so they come along).</summary>
    public static async Task<Campaign> FindCampaignAsync(this ISalamDbContext db, int campaignId, CancellationToken cancellationToken, bool tracked = false)
    {
        var campaigns = tracked ? db.Campaigns : db.Campaigns.AsNoTracking();
        return await campaigns.SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken) ?? throw new NotFoundException(Text.Get("NotFound.Campaign"));
    }

    /// <summary>The donation with its allocations, tracked.</summary>
    public static async Task<Donation> FindDonationAsync(this ISalamDbContext db, int donationId, CancellationToken cancellationToken) =>
        await db.Donations.Include(d => d.Allocations).SingleOrDefaultAsync(d => d.Id == donationId, cancellationToken)
        ?? throw new NotFoundException(Text.Get("NotFound.Donation"));

    /// <summary>Refuses a receipt number the centre already gave (the unique index catches a race; this gives the clear message first).</summary>
    public static async Task EnsureReceiptFreeAsync(this ISalamDbContext db, int centreId, string receiptNumber, CancellationToken cancellationToken)
    {
        var number = Domain.Common.Digits.ToLatin(receiptNumber).Trim();
        if (await db.Donations.AnyAsync(d => d.CentreId == centreId && d.ReceiptNumber == number, cancellationToken))
            throw new RequestRefusedException(Text.Get("Donation.ReceiptTaken"));
    }

    /// <summary>
    /// Saves a donation. Its version token makes a change read before another's save fail (two allocations of the last rial:
    /// one wins, the other is told to look again); the receipt's unique index makes a twin receipt fail the same way.
    /// </summary>
    public static async Task<DonationWritten> SaveDonationAsync(this ISalamDbContext db, Donation donation, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DonationWritten(donation.Id, donation.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("Donation.Stale"));
        }
        catch (DbUpdateException exception) when (db.IsUniqueViolation(exception))
        {
            throw new RequestRefusedException(Text.Get("Donation.ReceiptTaken"));
        }
    }

    public static async Task<CampaignWritten> SaveCampaignAsync(this ISalamDbContext db, Campaign campaign, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CampaignWritten(campaign.Id, campaign.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RequestRefusedException(Text.Get("Campaign.Stale"));
        }
    }
}
