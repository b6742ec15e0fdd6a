using System.Text;
using GovTextExtract.Cli;

// Chinese in JSON and tables must reach a pipe or a terminal as UTF-8 whatever the locale says.
Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
return GovTextCli.Run(args, Console.Out, Console.Error);
