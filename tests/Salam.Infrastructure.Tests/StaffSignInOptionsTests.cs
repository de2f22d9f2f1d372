using Microsoft.Extensions.Configuration;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;

namespace Salam.Infrastructure.Tests;

/// <summary>Which roles must sign in with an authenticator app, read from configuration as the app reads it.</summary>
public sealed class StaffSignInOptionsTests
{
    private static StaffSignInOptions Bind(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build()
            .GetSection(StaffSignInOptions.Section).Get<StaffSignInOptions>() ?? new StaffSignInOptions();

    [Fact]
    public void Unconfigured_it_is_required_of_administrators_ministry_staff_and_provincial_officers_only()
    {
        var options = Bind();
        Assert.Equal([Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin], Enum.GetValues<Role>().Where(options.RequiresTwoFactor));
    }

    [Fact]
    public void Configured_roles_replace_the_defaults_and_are_not_added_to_them()
    {
        var options = Bind(("Security:TwoFactorRequiredRoles:0", "Facilitator"), ("Security:TwoFactorRequiredRoles:1", "Admin"));
        Assert.Equal([Role.Facilitator, Role.Admin], Enum.GetValues<Role>().Where(options.RequiresTwoFactor));
    }

    [Fact]
    public void Switched_off_no_role_requires_it_and_residents_never_do()
    {
        Assert.DoesNotContain(Enum.GetValues<Role>(), Bind(("Security:RequireTwoFactor", "false")).RequiresTwoFactor);
        Assert.False(Bind(("Security:TwoFactorRequiredRoles:0", "Resident")).RequiresTwoFactor(Role.Resident));
    }
}
