using FluentValidation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Localization;

namespace Salam.Application.Campaigns.Commands.ReviseCampaign;

public sealed class ReviseCampaignValidator : AbstractValidator<ReviseCampaign>
{
    public ReviseCampaignValidator()
    {
        RuleFor(c => c.Version).NotEqual(Guid.Empty).WithMessage(_ => Text.Get("Campaign.VersionRequired"));
        RuleFor(c => c.Draft).SetValidator(new CampaignDraftValidator());
    }
}
