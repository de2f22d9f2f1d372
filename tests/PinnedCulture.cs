using System.Globalization;
using System.Runtime.CompilerServices;

namespace Salam.Tests;

/// <summary>
/// Every test assembly starts in Persian, whatever the machine's language: the app's default is Persian, and the tests'
/// Persian expectations must not depend on the LANG of the machine that runs them. A test that reads English sets it itself.
/// </summary>
internal static class PinnedCulture
{
    [ModuleInitializer]
    internal static void PinPersian()
    {
        var persian = CultureInfo.GetCultureInfo("fa-IR");
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = persian;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = persian;
    }
}
