namespace Salam.E2E.Tests;

/// <summary>The accessibility sweep's other half: the provincial officer, the ministry and the administrator (see A11ySweepTests).</summary>
public sealed class A11yOfficialsSweepTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : A11ySweep(browser, output), IClassFixture<BrowserFixture>
{
    public static TheoryData<string> Roles => ["officer", "ministry", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public Task Every_page_of_a_role_has_no_axe_violation_and_fits_a_phone_in_both_languages(string role) => SweepAsync(role);
}
