using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Campaigns;

namespace Salam.Application.Campaigns.Common;

/// <summary>A campaign's name, window, goals and centres, checked before anything is read (the same rules the entity keeps).</summary>
public sealed class CampaignDraftValidator : AbstractValidator<CampaignDraft>
{
    public CampaignDraftValidator()
    {
        RuleFor(d => d.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(_ => Text.Get("Campaign.NameRequired"))
            .Must(n => n.Trim().Length <= Campaign.MaxNameLength).WithMessage(_ => Text.Get("Campaign.NameTooLong", Campaign.MaxNameLength));
        RuleFor(d => d.Description).Must(d => (d?.Trim().Length ?? 0) <= Campaign.MaxDescriptionLength)
            .WithMessage(_ => Text.Get("Campaign.DescriptionTooLong", Campaign.MaxDescriptionLength));
        RuleFor(d => d.EndsOn).Cascade(CascadeMode.Stop)
            .Must((d, end) => end >= d.StartsOn).WithMessage(_ => Text.Get("Campaign.EndsBeforeStart"))
            .Must((d, end) => end.DayNumber - d.StartsOn.DayNumber + 1 <= Campaign.MaxDays).WithMessage(_ => Text.Get("Campaign.TooLong", Campaign.MaxDays));
        RuleFor(d => d.GoalRials).Must(g => g is null or > 0).WithMessage(_ => Text.Get("Campaign.GoalNotPositive"));
        RuleFor(d => d.ItemGoals).Cascade(CascadeMode.Stop)
            .Must(goals => goals.All(g => Enum.IsDefined(g.Item) && g.Count > 0)).WithMessage(_ => Text.Get("Campaign.ItemGoalInvalid"))
            .Must(goals => goals.Select(g => g.Item).Distinct().Count() == goals.Count).WithMessage(_ => Text.Get("Campaign.ItemGoalTwice"));
        RuleFor(d => d).Must(d => d.GoalRials is not null || d.ItemGoals.Count > 0).OverridePropertyName("GoalRials")
            .WithMessage(_ => Text.Get("Campaign.GoalRequired"));
        RuleFor(d => d.CentreIds).Must(c => c.Count > 0).WithMessage(_ => Text.Get("Campaign.CentresRequired"));
    }
}

/// <summary>The version a donation form showed: every change to a donation names it.</summary>
public static class CampaignRules
{
    public static void DonationVersionRule<T>(this AbstractValidator<T> validator, Func<T, Guid> version) =>
        validator.RuleFor(c => version(c)).NotEqual(Guid.Empty).OverridePropertyName("Version").WithMessage(_ => Text.Get("Donation.VersionRequired"));
}

/// <summary>A receipt number: given, and short enough.</summary>
public static class ReceiptRule
{
    public static IRuleBuilderOptions<T, string> ReceiptRules<T>(this IRuleBuilderInitial<T, string> rule) => rule.Cascade(CascadeMode.Stop)
        .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage(_ => Text.Get("Donation.ReceiptRequired"))
        .Must(r => r.Trim().Length <= Donation.MaxReceiptNumberLength).WithMessage(_ => Text.Get("Donation.ReceiptTooLong", Donation.MaxReceiptNumberLength));
}
