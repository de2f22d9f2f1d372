return Salam.Count.CountCommand.Run(args, Console.Out, Console.Error);
