using FluentValidation;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Residents.Common;

/// <summary>The rules every form that names a resident shares: name, mobile and national id, Persian digits accepted.</summary>
public static class ResidentFields
{
    public static IRuleBuilderOptions<T, string> ValidName<T>(this IRuleBuilder<T, string> rule) => rule
        .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Text.Get("Resident.NameRequired"))
        .Must(name => name is null || name.Trim().Length <= Resident.NameMaxLength).WithMessage(_ => Text.Get("Residents.NameTooLong", Resident.NameMaxLength));

    public static IRuleBuilderOptions<T, string> ValidMobile<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(mobile => MobileNumber.TryParse(mobile, out _)).WithMessage(_ => Text.Get("Mobile.Invalid"));

    public static IRuleBuilderOptions<T, string> ValidNationalId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(id => NationalId.TryParse(id, out _)).WithMessage(_ => Text.Get("NationalId.Invalid"));
}
