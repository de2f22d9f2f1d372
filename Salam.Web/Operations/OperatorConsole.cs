namespace Salam.Web.Operations;

/// <summary>Where an operator command reads and writes: the process's console, or a test's strings.</summary>
public sealed record OperatorConsole(TextReader In, TextWriter Out, TextWriter Error, Func<string, string?> Environment, bool InputIsTerminal)
{
    public static OperatorConsole System() =>
        new(Console.In, Console.Out, Console.Error, global::System.Environment.GetEnvironmentVariable, !Console.IsInputRedirected);

    /// <summary>Reads a line without echoing it (a terminal only): the password never appears on the screen.</summary>
    public string ReadHidden(string prompt)
    {
        Error.Write(prompt);
        var typed = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Error.WriteLine();
        return typed.ToString();
    }
}
