using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;

namespace Salam.Application.Centres.Common;

/// <summary>What the centre form sends, whether it makes a centre or edits one.</summary>
public interface ICentreDescription
{
    string NameFa { get; }
    string NameEn { get; }
    string? Address { get; }
    CentreKind Kind { get; }
    IReadOnlyList<int> NeighbourhoodIds { get; }
}

/// <summary>The description's rules, checked before anything is read, so the form shows every problem at once.</summary>
public abstract class CentreDescriptionValidator<T> : AbstractValidator<T> where T : ICentreDescription
{
    /// <summary>More than any real centre serves (Mazandaran's 111 centres share its neighbourhoods); a bound on a tampered list.</summary>
    public const int MaxNeighbourhoods = 200;

    protected CentreDescriptionValidator()
    {
        RuleFor(c => c.NameFa).NotEmpty().WithMessage(_ => Text.Get("Centre.NameRequired"))
            .MaximumLength(Centre.NameMaxLength).WithMessage(_ => Text.Get("Centre.NameTooLong", Centre.NameMaxLength));
        RuleFor(c => c.NameEn).NotEmpty().WithMessage(_ => Text.Get("Centre.NameRequired"))
            .MaximumLength(Centre.NameMaxLength).WithMessage(_ => Text.Get("Centre.NameTooLong", Centre.NameMaxLength));
        RuleFor(c => c.Address).MaximumLength(Centre.AddressMaxLength).WithMessage(_ => Text.Get("Centre.AddressTooLong", Centre.AddressMaxLength));
        RuleFor(c => c.Kind).IsInEnum().WithMessage(_ => Text.Get("Centre.KindInvalid"));
        RuleFor(c => c.NeighbourhoodIds).Must(ids => ids is not null && ids.Count <= MaxNeighbourhoods)
            .WithMessage(_ => Text.Get("Centre.TooManyNeighbourhoods", MaxNeighbourhoods));
    }
}
