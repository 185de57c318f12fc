package cli

// nlpCommand groups the NLP core's commands: training, parsing, tagging
// entities and evaluation.
func nlpCommand() *Command {
	return &Command{
		Name:  "nlp",
		Short: "train, run and evaluate the NLP models",
		Sub: []*Command{
			nlpTrainCommand(),
			nlpParseCommand(),
			nlpNERCommand(),
			nlpEvalCommand(),
		},
	}
}
