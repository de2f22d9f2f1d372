using FluentValidation;
using Salam.Application.Campaigns.Common;
using Salam.Application.Common.Localization;

namespace Salam.Application.Campaigns.Commands.CreateCampaign;

public sealed class CreateCampaignValidator : AbstractValidator<CreateCampaign>
{
    public CreateCampaignValidator()
    {
        RuleFor(c => c.Scope).IsInEnum().WithMessage(_ => Text.Get("Campaign.ScopeInvalid"));
        RuleFor(c => c.Draft).SetValidator(new CampaignDraftValidator());
    }
}
