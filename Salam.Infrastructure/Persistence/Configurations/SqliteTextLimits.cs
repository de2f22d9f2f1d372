using Microsoft.EntityFrameworkCore;
using Salam.Domain.Duties;

namespace Salam.Infrastructure.Persistence.Configurations;

/// <summary>
/// SQLite stores TEXT of any length, so the lengths SQL Server's nvarchar(n) columns enforce are checked here for the
/// duty texts everyone reads (a 1.9 MB note was once stored and served on every timeline). The domain and validators
/// refuse longer text with a clear message first; these checks are the last line.
/// </summary>
internal static class SqliteTextLimits
{
    public static void Apply(ModelBuilder builder)
    {
        builder.Entity<Duty>().ToTable(table =>
        {
            table.HasCheckConstraint("CK_Duties_Title_Length", Within("Title", Duty.MaxTitleLength));
            table.HasCheckConstraint("CK_Duties_Description_Length", Within("Description", Duty.MaxDescriptionLength));
            table.HasCheckConstraint("CK_Duties_Reason_Length", Within("Reason", Duty.MaxNoteLength));
        });
        builder.Entity<DutyUpdate>().ToTable(table => table.HasCheckConstraint("CK_DutyUpdates_Note_Length", Within("Note", Duty.MaxNoteLength)));
        builder.Entity<CompletionCheck>().ToTable(table => table.HasCheckConstraint("CK_CompletionChecks_Note_Length", Within("Note", CompletionCheck.MaxNoteLength)));
        builder.Entity<Domain.Stories.SuccessStory>().ToTable(table =>
        {
            table.HasCheckConstraint("CK_SuccessStories_Title_Length", Within("Title", Domain.Stories.SuccessStory.MaxTitleLength));
            table.HasCheckConstraint("CK_SuccessStories_Text_Length", Within("Text", Domain.Stories.SuccessStory.MaxTextLength));
        });
        builder.Entity<Domain.Campaigns.Campaign>().ToTable(table =>
        {
            table.HasCheckConstraint("CK_Campaigns_Name_Length", Within("Name", Domain.Campaigns.Campaign.MaxNameLength));
            table.HasCheckConstraint("CK_Campaigns_Description_Length", Within("Description", Domain.Campaigns.Campaign.MaxDescriptionLength));
        });
        builder.Entity<Domain.Campaigns.Donation>().ToTable(table => table.HasCheckConstraint("CK_Donations_DonorName_Length", Within("DonorName", Domain.Campaigns.Donation.MaxDonorNameLength)));
        builder.Entity<Domain.Campaigns.Allocation>().ToTable(table => table.HasCheckConstraint("CK_DonationAllocations_Note_Length", Within("Note", Domain.Campaigns.Allocation.MaxNoteLength)));
        builder.Entity<Domain.Shifts.Shift>().ToTable(table =>
        {
            table.HasCheckConstraint("CK_Shifts_Title_Length", Within("Title", Domain.Shifts.Shift.MaxTitleLength));
            table.HasCheckConstraint("CK_Shifts_Place_Length", Within("Place", Domain.Shifts.Shift.MaxPlaceLength));
        });
    }

    // SQLite's length() counts characters; .NET counts UTF-16 units, never fewer, so whatever the domain accepts fits.
    private static string Within(string column, int max) => $"length(\"{column}\") <= {max}";
}
