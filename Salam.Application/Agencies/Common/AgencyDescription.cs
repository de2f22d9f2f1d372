using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;

namespace Salam.Application.Agencies.Common;

/// <summary>What the agency form sends, whether it makes an agency or edits one. No province: a national agency.</summary>
public interface IAgencyDescription
{
    string NameFa { get; }
    string? NameEn { get; }
    AgencyKind Kind { get; }
    int? ProvinceId { get; }
}

/// <summary>The description's rules, checked before anything is read, so the form shows every problem at once.</summary>
public abstract class AgencyDescriptionValidator<T> : AbstractValidator<T> where T : IAgencyDescription
{
    protected AgencyDescriptionValidator()
    {
        RuleFor(c => c.NameFa).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Text.Get("Agency.NameRequired"))
            .Must(name => (name?.Trim().Length ?? 0) <= Agency.NameMaxLength).WithMessage(_ => Text.Get("Agency.NameTooLong", Agency.NameMaxLength));
        RuleFor(c => c.NameEn).Must(name => (name?.Trim().Length ?? 0) <= Agency.NameMaxLength).WithMessage(_ => Text.Get("Agency.NameTooLong", Agency.NameMaxLength));
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Text.Get("Agency.KindInvalid"));
    }
}

internal static class AgencyScope
{
    /// <summary>Where an agency belongs, as a scope target: its province, or the nation when it is national.</summary>
    public static ScopeTarget HomeOf(int? provinceId) => provinceId is { } province ? ScopeTarget.Province(province) : ScopeTarget.Nation;
}
